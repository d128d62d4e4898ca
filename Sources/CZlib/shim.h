// zlib for reading .csv.gz: only Sources/ShareData/Ingest/GzipStream.swift sees it.
#ifndef SHARELENS_CZLIB_SHIM_H
#define SHARELENS_CZLIB_SHIM_H
#include <zlib.h>
#endif
