// The one error type of the model room: a message that already names the file (and the table, row or
// field where there is one), ready to print as "colossus-twin: <message>".
#pragma once

#include <stdexcept>
#include <string>

namespace twin::datamodel {

class ModelError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace twin::datamodel
