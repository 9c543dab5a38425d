/* gen_specs N DIR SEED: writes N course specs G<n>-A.md / G<n>-B.md into DIR
 * in the format of data/specs/P4-A.md (YAML front matter, then a Markdown
 * body with a programme of 1 to 12 courses whose topics nest two levels
 * deep), with varied French titles, accents and emoji.
 *
 * The output depends only on N, SEED and the file's index: each file has
 * its own random stream (splitmix64 of SEED and the index), so the first K
 * files of a catalogue of N are those of any larger one with the same seed.
 * Prints the number of files and the total number of courses. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "gen_rng.h"

static const char *const institutions[] = {
	"Duke University", "IBM", "Google", "HEC Paris", "École Polytechnique",
	"Sorbonne Université", "Université de Genève", "EPFL", "Université Laval",
	"ESSEC Business School", "Télécom Paris", "Université de Montréal",
	"Sciences Po", "INSEAD", "Centrale Lyon", "Université Paris-Saclay",
	"Microsoft", "Meta", "Stanford University", "Université libre de Bruxelles",
	"Grenoble École de Management", "Mines Paris", "Université de Lausanne",
	"CentraleSupélec", "Institut Pasteur", "Université de Québec à Montréal",
};

static const char *const h1_icons[] = {
	"🏛️", "🏢", "🎓", "🧠", "🚀", "📊", "🌍", "🔬", "💼", "🤖", "🧭", "🛰️",
};

static const char *const program_kinds[] = {
	"Spécialisation", "Certificat professionnel", "Parcours", "Programme",
	"Micro-diplôme", "Formation certifiante", "Executive Certificate",
	"Professional Certificate", "Specialization",
};

struct subject {
	const char *article; /* "la ", "le ", "l'", "les " */
	const char *name;
};

static const struct subject subjects[] = {
	{ "l'", "intelligence artificielle" },
	{ "la ", "gestion de produit" },
	{ "la ", "science des données" },
	{ "l'", "éthique numérique" },
	{ "la ", "cybersécurité" },
	{ "l'", "apprentissage profond" },
	{ "l'", "expérience utilisateur" },
	{ "la ", "modélisation financière" },
	{ "la ", "chaîne d'approvisionnement" },
	{ "l'", "analyse décisionnelle" },
	{ "l'", "IA générative" },
	{ "la ", "stratégie numérique" },
	{ "l'", "économie comportementale" },
	{ "la ", "santé publique" },
	{ "le ", "développement durable" },
	{ "la ", "conduite du changement" },
	{ "la ", "robotique" },
	{ "le ", "traitement automatique des langues" },
	{ "la ", "vision par ordinateur" },
	{ "le ", "marketing de croissance" },
	{ "la ", "gouvernance des données" },
	{ "l'", "informatique quantique" },
	{ "la ", "finance de marché" },
	{ "le ", "droit du numérique" },
	{ "les ", "énergies renouvelables" },
	{ "la ", "biostatistique" },
	{ "le ", "leadership d'équipe" },
	{ "l'", "architecture logicielle" },
	{ "les ", "réseaux et télécoms" },
	{ "la ", "géopolitique de la tech" },
};

static const char *const qualifiers[] = {
	"pour les décideurs", "appliquée", "avancée", "en entreprise",
	"et société", "pour les chefs de produit", ": les fondamentaux",
	"de A à Z", "pour débutants", "à l'ère de l'IA", "responsable",
	"en pratique", "pour managers", "& innovation",
};

static const char *const course_starts[] = {
	"Fondements de", "Introduction à", "Maîtriser", "Stratégie de",
	"Pratique de", "Concepts clés de", "Éthique de", "Outils pour",
	"Projet intégrateur :", "Atelier :", "Études de cas en", "Piloter",
	"Déployer", "Évaluer", "Comprendre", "Mesurer l'impact de",
	"Gouvernance de", "Méthodes quantitatives en", "Prototypage en",
	"Sécurité et conformité en",
};

static const char *const topic_heads[] = {
	"Comprendre", "Identifier", "Cartographier", "Évaluer", "Mettre en œuvre",
	"Analyser", "Concevoir", "Prioriser", "Documenter", "Automatiser",
	"Tester", "Déployer", "Mesurer", "Présenter", "Négocier", "Réguler",
};

static const char *const topic_objects[] = {
	"les concepts fondamentaux", "les cas d'usage", "les risques éthiques",
	"la qualité des données", "les métriques de succès", "la feuille de route",
	"les parties prenantes", "les biais algorithmiques", "les coûts cachés",
	"le cycle de vie du modèle", "la conformité RGPD", "les tests A/B",
	"les architectures de référence", "la dette technique", "l'expérience client",
	"les sources de données", "le retour sur investissement",
	"la sécurité des systèmes", "les indicateurs clés", "la propriété intellectuelle",
};

static const char *const subtopics[] = {
	"Apprentissage supervisé", "Apprentissage non supervisé",
	"Apprentissage par renforcement", "Collecte et préparation des données",
	"Exploration et visualisation", "Modélisation et évaluation",
	"Déploiement et monitoring", "UX pour les produits d'IA", "Privacy by design",
	"Anonymisation et pseudonymisation", "Fairness et équité",
	"Transparence et explicabilité", "Interprétabilité des réseaux de neurones",
	"Impact sur l'emploi", "Questions de responsabilité", "Gouvernance de l'IA",
	"Étude de cas : la banque de détail", "Étude de cas : l'hôpital numérique",
	"Atelier pratique 🛠️", "Quiz noté ✍️", "Lecture : « L'IA et nous »",
	"Prompt engineering", "Modèles de fondation", "Réglementation européenne (AI Act)",
	"Mesure de la dérive", "Tableaux de bord", "Entretiens utilisateurs",
	"Priorisation RICE", "Analyse coûts-bénéfices", "Gestion des incidents 🚨",
};

static const char *const skills[] = {
	"Compréhension des algorithmes ML", "Identification des opportunités ML",
	"Gestion de projet ML", "MLOps et déploiement", "Évaluation de performances",
	"Leadership technique", "Human-centered AI design", "IA responsable et éthique",
	"Protection de la vie privée", "Communication avec les data scientists",
	"Rédaction de spécifications", "Analyse de marché", "Pensée critique",
	"Prise de décision éclairée", "Négociation avec les parties prenantes",
	"Prototypage rapide", "Visualisation de données", "Veille réglementaire",
};

static const char *const sentences[] = {
	"Ce programme forme les professionnels à concevoir, piloter et évaluer des "
	"produits numériques ambitieux.",
	"Il combine des fondements théoriques solides et des études de cas tirées "
	"de l'industrie.",
	"Un accent particulier est mis sur l'éthique, la sécurité et le respect de "
	"la vie privée.",
	"Les apprenants réalisent un projet de bout en bout, évalué par leurs pairs.",
	"Les vidéos sont sous-titrées en français, en anglais et en espagnol.",
	"La progression est auto-rythmée : chacun avance à son propre pas.",
	"Des intervenants de l'industrie partagent leurs retours d'expérience 🎤.",
	"Le programme prépare à des décisions éclairées sur l'intégration de "
	"technologies émergentes.",
	"Aucune compétence en programmation n'est requise pour suivre les premiers "
	"cours.",
	"Les exercices pratiques s'appuient sur des jeux de données réels et "
	"anonymisés.",
};

static const char *const prices[] = {
	"Gratuit (Audit)", "49 €/mois", "Abonnement Coursera Plus", "399 €",
	"Gratuit", "79 $/mois (essai gratuit de 7 jours)", "1 200 € (financement CPF)",
};

static const char *const first_names[] = {
	"Jon", "Camille", "Léa", "Mathieu", "Aïcha", "Noé", "Hélène", "François",
	"Zoé", "Mehdi", "Inès", "Grégoire", "Ana", "Björn", "Chloé", "Jérôme",
};

static const char *const last_names[] = {
	"Reifschneider", "Dubois", "Lefèvre", "Nguyen", "Martín", "Bérubé",
	"Moreau", "Okafor", "Schäfer", "Da Silva", "Côté", "Rousseau", "Benali",
};

static const char *const choose_if[] = {
	"Vous recherchez le **prestige académique**",
	"Vous privilégiez l'**approche éthique et responsable**",
	"Vous voulez une **formation conceptuelle solide**",
	"Vous travaillez dans un environnement **corporate/banque**",
	"Vous préférez une durée plus courte",
	"Vous voulez des **outils pratiques** dès le premier cours",
	"Vous visez une **reconversion** dans la tech",
	"Vous aimez apprendre par **projets** 🚀",
};

static const char *const watch_out[] = {
	"Moins d'outils pratiques que l'autre option",
	"Focus plus théorique et conceptuel",
	"Abonnement payant pour obtenir le certificat",
	"Certains cours ne sont disponibles qu'en anglais",
	"Charge de travail irrégulière selon les modules",
	"Projet final exigeant ⏳",
};

/* True when s ends with the word w. */
static int ends_with_word(const char *s, const char *w)
{
	size_t n = strlen(s), k = strlen(w);
	return n > k && s[n - k - 1] == ' ' && strcmp(s + n - k, w) == 0;
}

/* "Introduction à" + "le numérique" -> "Introduction au numérique"; "de" +
 * "les" -> "des"; "en" takes no article; "Atelier :" takes the bare name. */
static void put_start_and_subject(FILE *f, const char *start, const struct subject *s)
{
	size_t n = strlen(start);
	const char *article = s->article;
	if (start[n - 1] == ':' || ends_with_word(start, "en")) {
		fprintf(f, "%s %s", start, s->name);
		return;
	}
	int de = ends_with_word(start, "de"), a = ends_with_word(start, "à");
	if ((de || a) && (strcmp(article, "le ") == 0 || strcmp(article, "les ") == 0)) {
		int plural = article[2] == 's';
		size_t cut = n - (de ? 2 : strlen("à"));
		fprintf(f, "%.*s%s %s", (int)cut, start,
			de ? (plural ? "des" : "du") : (plural ? "aux" : "au"), s->name);
		return;
	}
	fprintf(f, "%s %s%s", start, article, s->name);
}

static void put_course_title(FILE *f, struct rng *r)
{
	const char *start = PICK(r, course_starts);
	const struct subject *subject = &PICK(r, subjects);
	put_start_and_subject(f, start, subject);
	if (chance(r, 35))
		fprintf(f, " %s", PICK(r, qualifiers));
	if (chance(r, 6))
		fputs(" 🤖", f);
}

static void put_description(FILE *f, struct rng *r)
{
	int paragraphs = between(r, 1, 3);
	for (int p = 0; p < paragraphs; p++) {
		int n = between(r, 2, 4);
		for (int s = 0; s < n; s++)
			fprintf(f, "%s%s", s ? " " : "", PICK(r, sentences));
		fputs("\n\n", f);
	}
}

static int write_spec(const char *dir, long index, uint64_t seed, long *courses_out)
{
	struct rng r = rng_stream(seed, index);
	long group = index / 2 + 1;
	char option = index % 2 ? 'B' : 'A';
	char path[4096];
	snprintf(path, sizeof path, "%s/G%ld-%c.md", dir, group, option);
	FILE *f = fopen(path, "w");
	if (!f) {
		fprintf(stderr, "gen_specs: %s: %s\n", path, strerror(errno));
		return -1;
	}

	const char *inst = PICK(&r, institutions);
	const char *kind = PICK(&r, program_kinds);
	const char *subject = PICK(&r, subjects).name;
	const char *qual = chance(&r, 60) ? PICK(&r, qualifiers) : NULL;
	int n_courses = between(&r, 1, 12);
	int with_hours = chance(&r, 90);
	int hours[12], stated = 0;
	for (int c = 0; c < n_courses; c++) {
		hours[c] = between(&r, 4, 20);
		stated += hours[c];
	}
	int pace = PICK(&r, ((const int[]){ 2, 3, 4, 5, 5, 6, 8, 10 }));
	int total = (stated + between(&r, 0, stated / 2) + 4) / 5 * 5;
	int weeks = (total + pace - 1) / pace;
	int months = (weeks * 7 + 29) / 30;
	if (months < 1)
		months = 1;

	/* Front matter. */
	fputs("---\n", f);
	fprintf(f, "id: \"G%ld-%c\"\n", group, option);
	fprintf(f, "nom: \"%s en %s%s%s\"\n", kind, subject, qual ? " " : "", qual ? qual : "");
	fprintf(f, "institution: \"%s\"\n", inst);
	fprintf(f, "effort: \"%dh (%d mois à %dh/semaine)\"\n", total, months, pace);
	fprintf(f, "prix: \"%s\"\n", PICK(&r, prices));
	fprintf(f, "prestige: \"%d/5\"\n", between(&r, 2, 5));
	fprintf(f, "url: \"https://www.example.org/programmes/g%ld-%c\"\n", group,
		option == 'A' ? 'a' : 'b');
	fprintf(f, "badge: \"Certificat Professionnel %s\"\n", inst);
	fprintf(f, "statut: \"À choisir (Option %c)\"\n", option);
	fputs("---\n", f);

	/* Body. */
	fprintf(f, "# %s %s : %s en %s%s%s\n\n", PICK(&r, h1_icons), inst, kind, subject,
		qual ? " " : "", qual ? qual : "");
	fputs("## 📝 Description\n", f);
	put_description(f, &r);

	fprintf(f, "## 📚 Programme (%d cours)\n\n", n_courses);
	for (int c = 0; c < n_courses; c++) {
		fprintf(f, "### Cours %d : ", c + 1);
		put_course_title(f, &r);
		if (with_hours)
			fprintf(f, " (%dh)", hours[c]);
		fputs("\n**Contenu :**\n", f);
		int n_topics = between(&r, 2, 8);
		for (int t = 0; t < n_topics; t++) {
			fprintf(f, "- %s %s\n", PICK(&r, topic_heads), PICK(&r, topic_objects));
			if (chance(&r, 40)) {
				int n_sub = between(&r, 1, 4);
				for (int s = 0; s < n_sub; s++)
					fprintf(f, "  - %s\n", PICK(&r, subtopics));
			}
		}
		fputs("\n**Compétences :**\n", f);
		int n_skills = between(&r, 2, 5);
		for (int s = 0; s < n_skills; s++)
			fprintf(f, "- %s\n", PICK(&r, skills));
		fputs("\n", f);
	}

	fputs("## 🎯 Objectifs d'apprentissage globaux\n", f);
	for (int i = between(&r, 3, 6); i > 0; i--)
		fprintf(f, "- %s %s en %s\n", PICK(&r, topic_heads), PICK(&r, topic_objects),
			PICK(&r, subjects).name);

	fputs("\n## 💡 Compétences acquises\n", f);
	for (int i = between(&r, 3, 8); i > 0; i--)
		fprintf(f, "- **%s** : %s\n", PICK(&r, skills), PICK(&r, topic_objects));

	fputs("\n## 👨‍🏫 Instructeur\n", f);
	fprintf(f, "**%s %s** - %s\n", PICK(&r, first_names), PICK(&r, last_names), inst);
	fprintf(f, "- %d cours enseignés\n", between(&r, 1, 12));
	fprintf(f, "- %d %03d+ apprenants formés\n", between(&r, 1, 400), between(&r, 0, 999));

	fputs("\n## 📅 Format & Durée\n", f);
	fprintf(f, "- **Durée totale :** %d mois à %d heures par semaine (environ %d heures au total)\n",
		months, pace, total);
	fputs("- **Niveau :** Débutant (expérience recommandée)\n", f);
	fputs("- **Planning flexible :** Auto-rythmé\n", f);

	fputs("\n## 🎓 Certificat\n", f);
	fprintf(f, "- **Certificat professionnel %s**\n", inst);
	fputs("- Partageable sur LinkedIn, CV et profils professionnels\n", f);
	fprintf(f, "- Note : **%d.%d/5 étoiles** (%d avis)\n", between(&r, 3, 4), between(&r, 0, 9),
		between(&r, 12, 9999));
	fprintf(f, "- **%d %03d+ inscrits**\n", between(&r, 1, 250), between(&r, 0, 999));

	fputs("\n## 🎯 Profil idéal pour cette option\n\n", f);
	fprintf(f, "### ✅ Choisir %s si :\n", inst);
	for (int i = between(&r, 2, 5); i > 0; i--)
		fprintf(f, "- %s\n", PICK(&r, choose_if));
	fputs("\n### ⚠️ Points d'attention :\n", f);
	for (int i = between(&r, 1, 3); i > 0; i--)
		fprintf(f, "- %s\n", PICK(&r, watch_out));

	fputs("\n## 🔗 Liens utiles\n", f);
	fprintf(f, "- [Page du programme](https://www.example.org/programmes/g%ld-%c)\n", group,
		option == 'A' ? 'a' : 'b');
	fprintf(f, "- [%s](https://www.example.org/)\n", inst);
	fprintf(f, "- [Comparaison avec l'option %c](G%ld-%c.md)\n", option == 'A' ? 'B' : 'A',
		group, option == 'A' ? 'B' : 'A');

	if (fclose(f) != 0) {
		fprintf(stderr, "gen_specs: %s: %s\n", path, strerror(errno));
		return -1;
	}
	*courses_out += n_courses;
	return 0;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: gen_specs N DIR SEED\n");
		return 2;
	}
	char *end;
	long n = strtol(argv[1], &end, 10);
	if (*end || n < 0) {
		fprintf(stderr, "gen_specs: N must be a number\n");
		return 2;
	}
	uint64_t seed = strtoull(argv[3], &end, 10);
	if (*end) {
		fprintf(stderr, "gen_specs: SEED must be a number\n");
		return 2;
	}
	if (mkdir(argv[2], 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "gen_specs: %s: %s\n", argv[2], strerror(errno));
		return 1;
	}
	long courses = 0;
	for (long i = 0; i < n; i++)
		if (write_spec(argv[2], i, seed, &courses) != 0)
			return 1;
	printf("%ld files, %ld courses\n", n, courses);
	return 0;
}
