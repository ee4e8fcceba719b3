// The one decision about colour and width, made once and asked by everything else.
#pragma once

namespace centric {

// Colour only on a terminal whose TERM is not "dumb", never with NO_COLOR set, never
// when the user said --no-color.
bool should_use_color(int fd, bool no_color_flag);

// The terminal's width in columns; COLUMNS, else 80, when it cannot be asked or says 0.
int terminal_width(int fd);

}  // namespace centric
