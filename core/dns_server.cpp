#include "dns_server.h"
