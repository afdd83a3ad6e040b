#include "config.h"
#include "core/model_edit.h"
