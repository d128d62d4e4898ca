// libpq, PostgreSQL's C client: only Sources/ShareData/Engines/PostgresClient.swift sees it.
#ifndef SHARELENS_CLIBPQ_SHIM_H
#define SHARELENS_CLIBPQ_SHIM_H
#include <postgresql/libpq-fe.h>
#endif
