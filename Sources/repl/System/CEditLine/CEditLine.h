#include <stdio.h>
#include <editline/readline.h>

// Setters and getters for readline's global variables: Swift 6 rejects touching C globals
// directly (shared mutable state), and these are only used from the REPL's one thread.

/// Names the program for ~/.editrc and installs Tab completion with its word breaks.
static inline void ssl_rl_configure(const char *name, const char *word_breaks,
                                    rl_completion_func_t *complete) {
  rl_readline_name = name;
  rl_basic_word_break_characters = word_breaks;
  rl_attempted_completion_function = complete;
}

/// Inside the completion function: never fall back to file names, and append `append`
/// (0 for nothing) after a single match.
static inline void ssl_rl_completion_settings(int append) {
  rl_attempted_completion_over = 1;
  rl_completion_append_character = append;
}

/// The line being edited.
static inline const char *ssl_rl_line_buffer(void) { return rl_line_buffer; }
