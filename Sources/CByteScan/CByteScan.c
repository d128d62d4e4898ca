// Everything is inline in include/CByteScan.h; SwiftPM builds a C target only from a source file.
#include "CByteScan.h"
