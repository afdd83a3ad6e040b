#include "config.h"
typedef int lk_stub_i18n_init;
