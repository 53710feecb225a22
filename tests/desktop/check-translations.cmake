# The translation template the build generates must hold the code's strings: one from C++
# (src/gui/mainwindow.cpp), one from a Designer file (ui/mainwindow.ui) and a numerus form;
# with a source language of English and no translations. Fails if lupdate stops finding sources.
# The committed template (resources/translations/bulletin.ts) must be a template too.
# cmake -DTEMPLATE= -DCOMMITTED= -P check-translations.cmake

set(failures 0)
function(check_template path)
  if(NOT EXISTS "${path}")
    message(SEND_ERROR "missing: ${path} (build the translation_template target)")
    set(failures 1 PARENT_SCOPE)
    return()
  endif()
  file(READ "${path}" ts)
  foreach(expected
      "<TS version=\"2.1\" sourcelanguage=\"en\">"
      "<source>Choose a story to read it here.</source>"
      "<source>Stories in the chosen view, newest first; unread stories are bold</source>"
      "<message numerus=\"yes\">")
    string(FIND "${ts}" "${expected}" at)
    if(at EQUAL -1)
      message(SEND_ERROR "${path} lacks ${expected}")
      set(failures 1 PARENT_SCOPE)
    endif()
  endforeach()
  string(REGEX MATCHALL "<message[ >]" messages "${ts}")
  list(LENGTH messages count)
  if(count LESS 50)
    message(SEND_ERROR "${path} holds only ${count} messages")
    set(failures 1 PARENT_SCOPE)
  endif()
  if(ts MATCHES "<TS [^>]* language=")
    message(SEND_ERROR "${path} names a target language; a template must not")
    set(failures 1 PARENT_SCOPE)
  endif()
  if(ts MATCHES "<translation>[^<]")
    message(SEND_ERROR "${path} holds translations; a template must not")
    set(failures 1 PARENT_SCOPE)
  endif()
  message(STATUS "${path}: ${count} messages")
endfunction()

check_template("${TEMPLATE}")
check_template("${COMMITTED}")
if(failures)
  message(FATAL_ERROR "the translation template is wrong")
endif()
