// -----------------------------------------------------------------------------
// File: copydesk.h
// -----------------------------------------------------------------------------
//
// Everything copydesk offers. Include the capability headers one by one to
// depend on less.

#ifndef COPYDESK_COPYDESK_H_
#define COPYDESK_COPYDESK_H_

#include "copydesk/article.h"
#include "copydesk/layout.h"
#include "copydesk/lexicon.h"
#include "copydesk/normalize.h"
#include "copydesk/span.h"
#include "copydesk/status.h"
#include "copydesk/version.h"

#endif  // COPYDESK_COPYDESK_H_
