/* stub: replaced by the portfolio work */
#include "render.h"
int portfolio_render(const struct render_opts *o, sqlite3 *db, const struct render_run *r) { (void)o; (void)db; (void)r; return -1; }
