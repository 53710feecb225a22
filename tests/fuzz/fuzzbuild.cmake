# The build `tools/dev fuzz` makes (in its own folder, build-fuzz/): included by the top-level
# CMakeLists.txt before any library is defined, so that every library a fuzz target links is
# built for libFuzzer with AddressSanitizer and UndefinedBehaviorSanitizer. Qt itself (built
# with g++) is not instrumented; the project's code is. The Debug configuration keeps Qt's
# inline Q_ASSERTs (an index past the end of a QList or QString) and libstdc++'s assertions,
# so out-of-range reads that stay inside an allocation are caught too.
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "BULLETIN_BUILD_FUZZERS needs clang: configure with -DCMAKE_CXX_COMPILER=clang++")
endif()
set(CMAKE_CXX_FLAGS_DEBUG "-O1 -gline-tables-only")
add_compile_options(-fsanitize=address,undefined,fuzzer-no-link -fno-sanitize-recover=all
                    -fno-omit-frame-pointer)
add_compile_definitions(_GLIBCXX_ASSERTIONS)
add_link_options(-fsanitize=address,undefined)
