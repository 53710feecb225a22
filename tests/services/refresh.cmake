# Refresh, subscriptions and retention: against the loopback test server.
bulletin_add_test(tst_refreshservice SOURCES tst_refreshservice.cpp
  LIBS bulletin_services bulletin_testsupport)
bulletin_add_test(tst_feeddiscovery SOURCES tst_feeddiscovery.cpp LIBS bulletin_services)
bulletin_add_test(tst_refreshworker SOURCES tst_refreshworker.cpp LIBS bulletin_services)
bulletin_add_test(tst_refreshschedule SOURCES tst_refreshschedule.cpp LIBS bulletin_services)
bulletin_add_test(tst_feedwriter SOURCES tst_feedwriter.cpp LIBS bulletin_services)
