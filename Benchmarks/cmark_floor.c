/*
 * The cmark floor: the time libcmark alone needs to render every Markdown body of a corpus.
 *
 *   cc -O2 -o cmark_floor Benchmarks/cmark_floor.c -lcmark -lpthread
 *   ./cmark_floor [-j THREADS] [-r REPEATS] LIST
 *
 * LIST holds one path per line (bodies.txt from gen_corpus.py). All files are read into memory
 * first and their YAML front matter (between the first two `---` lines) is skipped; only the
 * rendering is timed: cmark_markdown_to_html with the options Regioportaal uses
 * (CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SMART; raw HTML is dropped, cmark's safe default).
 * With -j the files are split over THREADS threads (the same parallelism as the generator).
 * With -r the rendering is repeated and the fastest repeat is reported.
 *
 * Prints one line: files, bytes, threads, seconds.
 */
#define _POSIX_C_SOURCE 200809L
#include <cmark.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct { const char *text; size_t len; } Body;

static Body *bodies;
static size_t count;
static int threads = 1;

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(1); }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)size + 1);
    if (fread(buf, 1, (size_t)size, f) != (size_t)size) { perror(path); exit(1); }
    buf[size] = 0;
    fclose(f);
    *len = (size_t)size;
    return buf;
}

/* The body after the front matter: the text after the second line that is exactly `---`. */
static Body body_of(char *text, size_t len) {
    Body b = { text, len };
    if (strncmp(text, "---\n", 4) != 0) return b;
    char *p = text + 4;
    for (;;) {
        char *line_end = strchr(p, '\n');
        if (!line_end) return b;
        if (line_end - p == 3 && strncmp(p, "---", 3) == 0) {
            b.text = line_end + 1;
            b.len = len - (size_t)(b.text - text);
            return b;
        }
        p = line_end + 1;
    }
}

static size_t sink;  /* keeps the output observable */

static void *render_range(void *arg) {
    size_t t = (size_t)arg, local = 0;
    for (size_t i = t; i < count; i += (size_t)threads) {
        char *html = cmark_markdown_to_html(bodies[i].text, bodies[i].len, CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SMART);
        local += strlen(html);
        free(html);
    }
    __atomic_fetch_add(&sink, local, __ATOMIC_RELAXED);
    return NULL;
}

int main(int argc, char **argv) {
    int repeats = 1;
    const char *list = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-j") && i + 1 < argc) threads = atoi(argv[++i]);
        else if (!strcmp(argv[i], "-r") && i + 1 < argc) repeats = atoi(argv[++i]);
        else list = argv[i];
    }
    if (!list || threads < 1 || repeats < 1) {
        fprintf(stderr, "usage: %s [-j THREADS] [-r REPEATS] LIST\n", argv[0]);
        return 2;
    }
    size_t list_len;
    char *paths = read_file(list, &list_len);
    size_t capacity = 1024;
    bodies = malloc(capacity * sizeof(Body));
    size_t bytes = 0;
    for (char *line = strtok(paths, "\n"); line; line = strtok(NULL, "\n")) {
        size_t len;
        char *text = read_file(line, &len);
        if (count == capacity) bodies = realloc(bodies, (capacity *= 2) * sizeof(Body));
        bodies[count] = body_of(text, len);
        bytes += bodies[count].len;
        count++;
    }
    double best = 1e30;
    for (int r = 0; r < repeats; r++) {
        pthread_t ids[256];
        int n = threads > 256 ? 256 : threads;
        double start = now_seconds();
        for (int t = 0; t < n; t++) pthread_create(&ids[t], NULL, render_range, (void *)(size_t)t);
        for (int t = 0; t < n; t++) pthread_join(ids[t], NULL);
        double elapsed = now_seconds() - start;
        if (elapsed < best) best = elapsed;
    }
    printf("files %zu bytes %zu threads %d seconds %.4f html %zu\n", count, bytes, threads, best, sink / (size_t)repeats);
    return 0;
}
