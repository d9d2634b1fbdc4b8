// rd::Json (core/json_fwd.h) with nlohmann's whole header, for code that reads or writes JSON.
#pragma once

#include "core/json_fwd.h"

#include <nlohmann/json.hpp>
