#include "config.h"
typedef int lk_stub_sign;
