# Strict warnings on our own code only. Third-party headers (Qt, VTK) come in as system includes
# through their imported targets, so they do not trip -Werror.
function(twin_strict_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Werror)
endfunction()
