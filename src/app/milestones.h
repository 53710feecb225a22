#pragma once

namespace bulletin {

class MainWindow;

// Start-up milestones for the benchmark (tools/bench), off unless asked for.
//
// With BULLETIN_MILESTONES=<file> in the environment, watch() appends one JSON object per
// line to the file as the window reaches each milestone:
//   "window-shown"        when watch() is called (right after window.show())
//   "story-list-painted"  after the story list's viewport has painted for the first time
//   "idle"                the first time the event loop is about to wait for events after
//                         the story list has painted (with VmHWM/VmRSS of the process)
// Each line carries "monotonic_ns" (CLOCK_MONOTONIC, comparable with the launcher's clock)
// and "since_start_ms" (from the process start time in /proc/self/stat, 10 ms resolution).
// With BULLETIN_QUIT_WHEN_IDLE=1 as well, the application quits after the idle milestone.
void watchMilestones(MainWindow &window);

} // namespace bulletin
