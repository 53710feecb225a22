# Kills `bulletin refresh` at random moments and checks the cache survives every time.
bulletin_add_test(tst_killrefresh SOURCES tst_killrefresh.cpp LIBS bulletin_services bulletin_testsupport)
target_compile_definitions(tst_killrefresh PRIVATE BULLETIN_EXECUTABLE="$<TARGET_FILE:bulletin>")
add_dependencies(tst_killrefresh bulletin)
set_tests_properties(tst_killrefresh PROPERTIES TIMEOUT 180)

# `bulletin subscribe` and `bulletin refresh` against the loopback server.
bulletin_add_test(tst_clirefresh SOURCES tst_clirefresh.cpp LIBS bulletin_testsupport)
target_compile_definitions(tst_clirefresh PRIVATE BULLETIN_EXECUTABLE="$<TARGET_FILE:bulletin>")
add_dependencies(tst_clirefresh bulletin)
