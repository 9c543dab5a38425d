/* status --json and schedule --json (PRODUCT.md §4): the plan's figures
 * for scripts, prompts and status bars, in the keys cursus(1) documents
 * as a stable interface. Like the text views, they only format the model
 * (struct plan, struct cert_status); nothing is computed here. */
#ifndef CURSUS_CMD_JSON_H
#define CURSUS_CMD_JSON_H

struct session;
struct program_view;

/* cmd_on_program's callbacks: each writes one JSON document on stdout. */
int cmd_json_status(struct session *s, struct program_view *v, void *ctx);
int cmd_json_status_unchosen(struct session *s);
int cmd_json_schedule(struct session *s, struct program_view *v, void *ctx);

#endif
