# The ladder painting benchmark: 10,000 segments, frame time at several scroll positions and
# zoom levels. Included from bench/CMakeLists.txt with `include(ladder.cmake)`.
# Run: QT_QPA_PLATFORM=offscreen <build>/bench/bench_ladder [frames-per-case]
qt_add_executable(bench_ladder ${CMAKE_CURRENT_LIST_DIR}/bench_ladder.cpp)
target_link_libraries(bench_ladder PRIVATE netstage_ui netstage_core Qt6::Gui)
