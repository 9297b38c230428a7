# The ladder (sequence) diagram: painter (QPainter only: widget, PNG, SVG), view and the step
# explanation. Included from ui/CMakeLists.txt with `include(ladder.cmake)`.
find_package(Qt6 REQUIRED COMPONENTS Svg)
target_sources(netstage_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/ladder_painter.h ${CMAKE_CURRENT_LIST_DIR}/ladder_painter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ladder_view.h ${CMAKE_CURRENT_LIST_DIR}/ladder_view.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ladder_explainer.h ${CMAKE_CURRENT_LIST_DIR}/ladder_explainer.cpp
)
target_link_libraries(netstage_ui PUBLIC Qt6::Gui Qt6::Svg)
