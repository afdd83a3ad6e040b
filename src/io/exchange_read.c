#include "config.h"
typedef int lk_stub_exchange_read;
