/* gen_vault N DIR SEED: writes a learner's vault of N Markdown notes into
 * DIR, the way an Obsidian vault looks (PRODUCT.md §1): N / 50 folders (10
 * areas, each with its subfolders, 200 folders for N = 10,000), notes of 1
 * to 30 KB, most with front matter that is not a spec's (daily notes with
 * tags, aliases and dates; Zettelkasten notes whose 'id' stands alone;
 * project notes with a title and a status but no id; templates with
 * {{placeholders}}), some without any, and 20 specs (V1-A, V1-B ... V10-B)
 * spread over the folders, in the format of data/specs. Beside the notes:
 * an image per folder, a .canvas per area, and hidden .obsidian and .trash
 * folders, which cursus must not read.
 *
 * The output depends only on N and SEED (each note has its own random
 * stream, splitmix64 of SEED and its index). Prints the counts. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "gen_rng.h"

#define AREAS 10
#define SPECS 20

static const char *const areas[AREAS] = {
	"Journal", "Formations", "Projets", "Lectures", "Zettelkasten",
	"Travail", "Personnel", "Ressources", "Archives", "Idées",
};

static const char *const topics[] = {
	"IA", "Produit", "Données", "Design", "Management", "Finance", "Santé",
	"Voyages", "Cuisine", "Musique", "Code", "Réunions", "Clients", "Recrutement",
	"Veille", "Écriture", "Sport", "Maison", "Administratif", "Lectures 2024",
};

static const char *const words[] = {
	"produit", "données", "modèle", "équipe", "client", "réunion", "objectif",
	"stratégie", "apprentissage", "éthique", "priorité", "feuille de route",
	"métrique", "hypothèse", "expérience", "utilisateur", "retour", "livraison",
	"incident", "architecture", "budget", "risque", "calendrier", "lecture",
	"idée", "question", "décision", "prototype", "entretien", "synthèse",
};

static const char *const tag_words[] = {
	"journal", "idée", "projet", "lecture", "formation", "ia", "produit",
	"réunion", "todo", "archive", "zettel", "perso",
};


static void put_tags(FILE *f, struct rng *r)
{
	fputs("tags:\n", f);
	for (int i = between(r, 1, 4); i > 0; i--)
		fprintf(f, "  - %s\n", PICK(r, tag_words));
}

static void put_date(FILE *f, const char *key, struct rng *r)
{
	fprintf(f, "%s: 2024-%02d-%02dT%02d:%02d\n", key, between(r, 1, 12), between(r, 1, 28),
		between(r, 7, 22), between(r, 0, 59));
}

/* The front matter of a note that is not a spec; 0 when it has none. */
static void put_front(FILE *f, struct rng *r, long index)
{
	int kind = between(r, 1, 100);
	if (kind <= 15)
		return; /* no front matter */
	fputs("---\n", f);
	if (kind <= 75) { /* a daily or plain note */
		put_tags(f, r);
		if (between(r, 0, 1))
			fprintf(f, "aliases: [%s %ld]\n", PICK(r, words), index);
		put_date(f, "created", r);
		put_date(f, "updated", r);
	} else if (kind <= 85) { /* Zettelkasten: an id alone */
		fprintf(f, "id: %ld%04ld\n", 202400000000L + index, index % 10000);
		put_tags(f, r);
	} else if (kind <= 90) { /* a template */
		fputs("date: {{date}}\ntitle: \"{{title}}\"\n", f);
		put_tags(f, r);
	} else { /* a project note: a title and a status, no id */
		fprintf(f, "title: \"%s %s\"\nstatus: %s\n", PICK(r, words), PICK(r, words),
			between(r, 0, 1) ? "en cours" : "fini");
		fputs("cssclasses:\n  - wide\n", f);
		fprintf(f, "publish: %s\n", between(r, 0, 1) ? "true" : "false");
	}
	fputs("---\n", f);
}

/* Paragraphs, lists and links until the note holds about size bytes. */
static void put_body(FILE *f, struct rng *r, long size)
{
	fprintf(f, "# %s et %s\n\n", PICK(r, words), PICK(r, words));
	while (ftell(f) < size) {
		int kind = between(r, 1, 10);
		if (kind <= 5) {
			for (int i = between(r, 12, 60); i > 0; i--)
				fprintf(f, "%s%s", PICK(r, words), i > 1 ? " " : ".\n\n");
		} else if (kind <= 8) {
			for (int i = between(r, 2, 8); i > 0; i--)
				fprintf(f, "- [%c] %s : %s\n", between(r, 0, 1) ? 'x' : ' ',
					PICK(r, words), PICK(r, words));
			fputs("\n", f);
		} else if (kind == 9) {
			fprintf(f, "## %s\n\nVoir [[%s]] et [[%s|%s]].\n\n", PICK(r, words),
				PICK(r, words), PICK(r, topics), PICK(r, words));
		} else {
			fprintf(f, "> %s, %s, %s.\n\n", PICK(r, words), PICK(r, words), PICK(r, words));
		}
	}
}

static void put_spec(FILE *f, struct rng *r, int index)
{
	int group = index / 2 + 1;
	char option = index % 2 ? 'B' : 'A';
	int courses = between(r, 2, 8), pace = between(r, 3, 8);
	int hours[8], total = 0;
	for (int c = 0; c < courses; c++)
		total += hours[c] = between(r, 6, 20);
	int months = (total / pace * 7 + 29) / 30;
	fprintf(f, "---\nid: \"V%d-%c\"\n", group, option);
	fprintf(f, "nom: \"Formation en %s et %s\"\n", PICK(r, words), PICK(r, words));
	fprintf(f, "institution: \"Université %s\"\n", PICK(r, topics));
	fprintf(f, "effort: \"%dh (%d mois à %dh/semaine)\"\n", total, months ? months : 1, pace);
	fprintf(f, "badge: \"Certificat %s\"\n", PICK(r, words));
	fprintf(f, "statut: \"À choisir (Option %c)\"\n", option);
	fputs("tags: [formation]\n---\n", f);
	fprintf(f, "# 🎓 Formation V%d-%c\n\n## 📝 Description\n", group, option);
	fprintf(f, "Une formation sur %s.\n\n## 📚 Programme (%d cours)\n\n", PICK(r, words), courses);
	for (int c = 0; c < courses; c++) {
		fprintf(f, "### Cours %d : %s et %s (%dh)\n**Contenu :**\n", c + 1, PICK(r, words),
			PICK(r, words), hours[c]);
		for (int t = between(r, 2, 6); t > 0; t--)
			fprintf(f, "- %s %s\n", PICK(r, words), PICK(r, words));
		fprintf(f, "\n**Compétences :**\n- %s\n\n", PICK(r, words));
	}
}

static int make_dir(const char *path)
{
	if (mkdir(path, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "gen_vault: %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

static FILE *create(const char *path)
{
	FILE *f = fopen(path, "w");
	if (!f)
		fprintf(stderr, "gen_vault: %s: %s\n", path, strerror(errno));
	return f;
}

static int finish(FILE *f, const char *path)
{
	if (fclose(f) != 0) {
		fprintf(stderr, "gen_vault: %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* The folder of note i: the areas, then their subfolders, in turn. */
static void folder_of(char *out, size_t size, const char *dir, long i, long folders)
{
	long k = i % folders;
	if (k < AREAS)
		snprintf(out, size, "%s/%s", dir, areas[k]);
	else
		snprintf(out, size, "%s/%s/%s %ld", dir, areas[k % AREAS],
			 topics[(k / AREAS) % COUNT(topics)], k / AREAS);
}

static int make_folders(const char *dir, long folders)
{
	char path[4096];
	if (make_dir(dir) || snprintf(path, sizeof path, "%s/.obsidian", dir) < 0 || make_dir(path))
		return -1;
	snprintf(path, sizeof path, "%s/.trash", dir);
	if (make_dir(path))
		return -1;
	for (long k = 0; k < folders; k++) {
		folder_of(path, sizeof path, dir, k, folders);
		if (make_dir(path))
			return -1;
		/* an attachment in each folder: not a note */
		char png[4200];
		snprintf(png, sizeof png, "%s/image %ld.png", path, k);
		FILE *f = create(png);
		if (!f)
			return -1;
		fwrite("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 1, 16, f);
		if (finish(f, png))
			return -1;
	}
	return 0;
}

/* What cursus must skip: Obsidian's settings and its trash, with a spec
 * in each, and a canvas in each area. */
static int make_hidden(const char *dir)
{
	const char *files[][2] = {
		{ ".obsidian/app.json", "{\"newFileLocation\": \"folder\"}\n" },
		{ ".obsidian/workspace.md", "---\nid: \"HIDDEN-A\"\nnom: \"never read\"\n---\n" },
		{ ".trash/old spec.md", "---\nid: \"V1-A\"\nnom: \"a copy in the trash\"\n---\n" },
	};
	char path[4096];
	for (size_t i = 0; i < COUNT(files); i++) {
		snprintf(path, sizeof path, "%s/%s", dir, files[i][0]);
		FILE *f = create(path);
		if (!f || (fputs(files[i][1], f), finish(f, path)))
			return -1;
	}
	for (int a = 0; a < AREAS; a++) {
		snprintf(path, sizeof path, "%s/%s/Plan.canvas", dir, areas[a]);
		FILE *f = create(path);
		if (!f || (fputs("{\"nodes\":[],\"edges\":[]}\n", f), finish(f, path)))
			return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: gen_vault N DIR SEED\n");
		return 2;
	}
	char *end;
	long n = strtol(argv[1], &end, 10);
	if (*end || n < SPECS) {
		fprintf(stderr, "gen_vault: N must be a number, at least %d\n", SPECS);
		return 2;
	}
	uint64_t seed = strtoull(argv[3], &end, 10);
	if (*end) {
		fprintf(stderr, "gen_vault: SEED must be a number\n");
		return 2;
	}
	const char *dir = argv[2];
	long folders = n / 50 > AREAS ? n / 50 : AREAS;
	if (make_folders(dir, folders) || make_hidden(dir))
		return 1;
	long bytes = 0, spec_every = n / SPECS;
	for (long i = 0; i < n; i++) {
		struct rng r = rng_stream(seed, i);
		char folder[4096], path[4200];
		folder_of(folder, sizeof folder, dir, i * 7 + i / folders, folders);
		int spec = i % spec_every == spec_every / 2 && i / spec_every < SPECS;
		if (spec)
			snprintf(path, sizeof path, "%s/V%ld-%c.md", folder, i / spec_every / 2 + 1,
				 i / spec_every % 2 ? 'B' : 'A');
		else
			snprintf(path, sizeof path, "%s/%s %ld.md", folder, PICK(&r, words), i);
		FILE *f = create(path);
		if (!f)
			return 1;
		if (spec) {
			put_spec(f, &r, (int)(i / spec_every));
		} else {
			long size = between(&r, 1024, 30 * 1024);
			put_front(f, &r, i);
			put_body(f, &r, size);
		}
		bytes += ftell(f);
		if (finish(f, path))
			return 1;
	}
	printf("%ld notes (%d specs) in %ld folders, %ld bytes\n", n, SPECS, folders, bytes);
	return 0;
}
