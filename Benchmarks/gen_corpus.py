#!/usr/bin/env python3
"""Seeded synthetic portal for the benchmark: Regioportaal's Content/ and the equivalent Hugo site.

    python3 Benchmarks/gen_corpus.py --updates 10000 --seed 42 --out Benchmarks/work/corpus-10000

writes

    <out>/regioportaal/Content/      site.yml, gemeenten, partners, themas (with tafel), opgaven (a DAG),
                                     coalities (deelnemers, varianten, stappen), besluiten, paginas, N updates
    <out>/regioportaal/Templates/    copy of the repository's Templates/
    <out>/regioportaal/Public/       copy of the repository's Public/
    <out>/hugo/                      the same entities and update text as a Hugo site: taxonomies themas and
                                     gemeenten, baseof with navigation, list/single/term templates, a sidebar
                                     with the 10 latest updates, RSS feeds
    <out>/bodies.txt                 the path of every Markdown file of Content/ (input of cmark_floor)

Same seed and N give byte-identical files. Standard library only. Every update body is ~1 KB of
Markdown with headings, lists, emphasis and links to pages that exist (themas, gemeenten, coalities,
opgaven, earlier updates, #anchors), so `regioportaal check` exercises its link checking and passes.
"""

import argparse
import datetime as dt
import json
import os
import random
import shutil
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

GEMEENTEN = [
    ("alblasserdam", "Alblasserdam", "GM0482"),
    ("dordrecht", "Dordrecht", "GM0505"),
    ("hardinxveld-giessendam", "Hardinxveld-Giessendam", "GM0523"),
    ("hendrik-ido-ambacht", "Hendrik-Ido-Ambacht", "GM0531"),
    ("papendrecht", "Papendrecht", "GM0590"),
    ("sliedrecht", "Sliedrecht", "GM0610"),
    ("zwijndrecht", "Zwijndrecht", "GM0642"),
]
PARTNERS = [
    ("provincie", "Provincie Zuid-Holland", "overheid"),
    ("haven-bedrijven", "Vereniging Havenbedrijven Drechtsteden", "bedrijfsleven"),
    ("hogeschool-delta", "Hogeschool Delta", "kennisinstelling"),
    ("woonstichting-rivier", "Woonstichting Rivierenland", "maatschappelijk"),
    ("onderzoekscentrum", "Onderzoekscentrum Regio", "kennisinstelling"),
]
THEMAS = [
    ("wonen", "Wonen"),
    ("bereikbaarheid", "Bereikbaarheid"),
    ("energietransitie", "Energietransitie"),
    ("economie", "Economie en vestigingsklimaat"),
    ("arbeidsmarkt", "Arbeidsmarkt en onderwijs"),
    ("sociaal-domein", "Sociaal domein"),
    ("leefomgeving", "Leefomgeving en klimaat"),
    ("bestuur", "Samenwerking en bestuur"),
]
VARIANTEN = ["volledig", "solidariteit", "instap", "geen"]
STAPPEN = ["ambitie", "projecten", "commitment", "coalitie", "afspraken", "monitoren"]
RINGEN = ["lokaal-individueel", "lokaal-gemeenschappelijk", "regionaal-coordinatie", "regionaal-delegatie"]

NOUNS = ["woningbouw", "fietsroute", "warmtenet", "bedrijventerrein", "haven", "dijkversterking", "jeugdzorg",
         "schuldhulp", "laadpaal", "busverbinding", "stadshart", "werkgelegenheid", "praktijkschool", "zonnepark",
         "groenstrook", "binnenstad", "rivieroever", "waterberging", "arbeidsmarktregio", "leerwerkplek",
         "wijkaanpak", "veerdienst", "spoorzone", "innovatiecampus", "buurthuis", "regiodeal"]
VERBS = ["bespreekt", "onderzoekt", "versnelt", "financiert", "evalueert", "start", "verkent", "rondt af",
         "presenteert", "ondersteunt", "herziet", "versterkt"]
SUBJECTS = ["De bestuurlijke tafel", "Het college", "De regio", "Een werkgroep", "De Drechtraad", "De coalitie",
            "Het programmateam", "De zeven gemeenten", "De provincie", "Een adviesbureau"]
ADJ = ["nieuwe", "regionale", "gezamenlijke", "duurzame", "betaalbare", "veilige", "slimme", "toegankelijke"]
FILLER = ["In de komende maanden volgt een uitgewerkt plan met een planning en een begroting.",
          "De gemeenteraden worden via een raadsinformatiebrief op de hoogte gehouden.",
          "Inwoners en ondernemers kunnen tijdens twee bijeenkomsten hun ideeën inbrengen.",
          "De kosten worden naar rato van het aantal inwoners over de deelnemende gemeenten verdeeld.",
          "Het onderzoek bouwt voort op de evaluatie die vorig jaar werd afgerond.",
          "Volgens de wethouders is dit een “belangrijke stap” voor de hele regio.",
          "De resultaten worden na de zomer gedeeld met alle betrokken partijen.",
          "Daarbij kijkt de regio nadrukkelijk naar wat elke gemeente zelf al doet.",
          "Er is ook aandacht voor de gevolgen voor de begroting van 2027.",
          "Een externe begeleidingscommissie toetst de voortgang twee keer per jaar."]
PAGINAS = [("over", "Over deze site", 1), ("ringen", "De ringen van samenwerking", None),
           ("deelnamevarianten", "De deelnamevarianten", 2), ("groeiperspectief-uitleg", "Over het groeiperspectief", None)]
AUTEURS = ["Redactie Regioportaal", "Team Communicatie Drechtsteden", "Programmabureau", "Griffie Drechtsteden"]


def q(s):
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(s, ensure_ascii=False)


def ylist(key, items, indent=""):
    if not items:
        return ""
    return f"{indent}{key}:\n" + "".join(f"{indent}  - {i}\n" for i in items)


class Corpus:
    def __init__(self, n, seed, per_page):
        self.n = n
        self.per_page = per_page
        self.r = random.Random(seed)
        self.first = dt.date(2015, 1, 1)
        self.last = dt.date(2026, 11, 1)

    def day(self, lo=None, hi=None):
        lo, hi = lo or self.first, hi or self.last
        return lo + dt.timedelta(days=self.r.randrange((hi - lo).days + 1))

    def sentence(self):
        r = self.r
        return (f"{r.choice(SUBJECTS)} {r.choice(VERBS)} de {r.choice(ADJ)} {r.choice(NOUNS)} "
                f"in {r.choice(GEMEENTEN)[1]}, samen met {r.choice(PARTNERS)[1]}.")

    def paragraph(self, k):
        return " ".join([self.sentence()] + self.r.sample(FILLER, k))

    # ---- entities ------------------------------------------------------------------------------

    def build(self):
        r = self.r
        self.themas = []
        for i, (slug, titel) in enumerate(THEMAS):
            leden = r.sample([g[0] for g in GEMEENTEN], r.randint(4, 7))
            self.themas.append(dict(slug=slug, titel=titel, volgorde=i + 1, leden=leden,
                                    partner=r.choice(PARTNERS)[0] if i % 2 == 0 else None))
        self.opgaven = []
        for i in range(20):
            noun = NOUNS[i % len(NOUNS)]
            slug = f"opgave-{noun}-{i + 1}"
            deps = sorted(r.sample([o["slug"] for o in self.opgaven], min(len(self.opgaven), r.randint(0, 2))))
            self.opgaven.append(dict(slug=slug, titel=f"{noun.capitalize()} op orde ({i + 1})",
                                     themas=sorted(r.sample([t[0] for t in THEMAS], r.randint(1, 2))),
                                     deps=deps, vanaf=self.day(dt.date(2013, 1, 1), dt.date(2020, 12, 31))))
        self.coalities = []
        for i in range(30):
            noun = NOUNS[(i * 7) % len(NOUNS)]
            slug = f"coalitie-{noun}-{i + 1}"
            start = self.day(dt.date(2014, 1, 1), dt.date(2024, 12, 31))
            deelnemers = []
            for j, (g, _, _) in enumerate(GEMEENTEN):
                if j == i % 7:
                    deelnemers.append(dict(partij=g, variant="volledig"))
                elif r.random() < 0.25:
                    a = self.day(start, start + dt.timedelta(days=400))
                    b = self.day(a + dt.timedelta(days=30), a + dt.timedelta(days=700))
                    deelnemers.append(dict(partij=g, varianten=[("geen", None), ("instap", a), ("volledig", b)]))
                else:
                    deelnemers.append(dict(partij=g, variant=r.choice(VARIANTEN)))
            if r.random() < 0.5:
                deelnemers.append(dict(partij=r.choice(PARTNERS)[0], variant="volledig"))
            stappen, d = [], start
            for s in STAPPEN[:r.randint(0, 6)]:
                stappen.append((s, d))
                d = d + dt.timedelta(days=r.randint(30, 300))
            status = r.choice(["verkenning", "lopend", "lopend", "afgerond"])
            eind = self.day(start + dt.timedelta(days=365), dt.date(2026, 6, 30)) if status == "afgerond" else None
            self.coalities.append(dict(slug=slug, titel=f"{ADJ[i % len(ADJ)].capitalize()} {noun} ({i + 1})",
                                       themas=sorted(r.sample([t[0] for t in THEMAS], r.randint(1, 2))),
                                       opgaven=sorted(r.sample([o["slug"] for o in self.opgaven], r.randint(0, 3))),
                                       status=status, start=start, eind=eind, ring=r.choice(RINGEN),
                                       deelnemers=deelnemers, stappen=stappen))
        self.besluiten = []
        for i in range(40):
            datum = self.day()
            self.besluiten.append(dict(slug=f"{datum}-besluit-{i + 1}", titel=f"Besluit over de {r.choice(NOUNS)} ({i + 1})",
                                       datum=datum, orgaan=r.choice(["Drechtraad", "Gemeenteraad Dordrecht", "Colleges van B&W"]),
                                       themas=sorted(r.sample([t[0] for t in THEMAS], 1)),
                                       coalities=sorted(r.sample([c["slug"] for c in self.coalities], r.randint(0, 1))),
                                       gemeenten=sorted(r.sample([g[0] for g in GEMEENTEN], r.randint(1, 3)))))
        self.updates = []
        for i in range(self.n):
            datum = self.day()
            noun = r.choice(NOUNS)
            slug = f"{datum}-{noun}-{i + 1:05d}"
            self.updates.append(dict(
                slug=slug, datum=datum, noun=noun,
                titel=f"{r.choice(SUBJECTS)} {r.choice(VERBS)} de {r.choice(ADJ)} {noun}",
                auteur=r.choice(AUTEURS),
                samenvatting=self.sentence() + " " + r.choice(FILLER),
                themas=sorted(r.sample([t[0] for t in THEMAS], r.randint(1, 2))),
                gemeenten=sorted(r.sample([g[0] for g in GEMEENTEN], r.randint(1, 3))),
                coalities=sorted(r.sample([c["slug"] for c in self.coalities], 1)) if r.random() < 0.3 else [],
                body=None))
        for i, u in enumerate(self.updates):
            u["body"] = self.update_body(u, i)

    def update_body(self, u, i):
        """About 1 KB: two sections, a list of links, emphasis, an anchor link."""
        r = self.r
        t = r.choice(self.themas)
        g = r.choice(GEMEENTEN)
        c = r.choice(self.coalities)
        o = r.choice(self.opgaven)
        lines = [self.paragraph(1), "",
                 "## Wat er gebeurt", "",
                 f"Het gaat om de *{r.choice(ADJ)}* aanpak van de {u['noun']}. {self.paragraph(1)}", "",
                 f"- het thema [{t['titel']}](/themas/{t['slug']}/)",
                 f"- de gemeente [{g[1]}](/gemeenten/{g[0]}/)",
                 f"- de coalitie [{c['titel']}](/coalities/{c['slug']}/)",
                 f"- de opgave [{o['titel']}](/opgaven/{o['slug']}/)", ""]
        if i > 0:
            prev = self.updates[r.randrange(i)]
            lines += [f"Eerder schreven we over [{prev['titel'].lower()}](/updates/{prev['slug']}/).", ""]
        lines += ["### Vervolg", "",
                  f"{self.paragraph(2)} Zie ook **[alle updates](/updates/#inhoud)**.", ""]
        return "\n".join(lines)

    # ---- Regioportaal ------------------------------------------------------------------------

    def write_regioportaal(self, root):
        content = os.path.join(root, "Content")
        for sub in ["gemeenten", "partners", "themas", "opgaven", "coalities", "besluiten", "updates", "paginas"]:
            os.makedirs(os.path.join(content, sub), exist_ok=True)
        w = lambda rel, text: write(os.path.join(content, rel), text)
        w("site.yml", "titel: Regioportaal Benchmark\n"
                      "beschrijving: Synthetisch portaal voor de benchmark van de generator.\n"
                      "base_url: https://regioportaal.example.nl/\n"
                      f"updates_per_pagina: {self.per_page}\n")
        for slug, naam, cbs in GEMEENTEN:
            w(f"gemeenten/{slug}.md", f"---\nnaam: {q(naam)}\ncbs_code: {cbs}\nwebsite: https://www.{slug}.nl\nvoorbeeld: true\n---\n"
                                      f"{naam} werkt mee in de regio.\n\n## Wat {naam} inbrengt\n\n{self.paragraph(3)}\n")
        for slug, naam, soort in PARTNERS:
            w(f"partners/{slug}.yml", f"naam: {q(naam)}\nsoort: {soort}\nvoorbeeld: true\n")
        for t in self.themas:
            leden = "".join(f"    - {l}\n" for l in t["leden"])
            if t["partner"]:
                leden += f"    - {{partij: {t['partner']}, vanaf: 2020-01-01}}\n"
            w(f"themas/{t['slug']}.md",
              f"---\ntitel: {q(t['titel'])}\nsamenvatting: {q('Wat de regio doet aan ' + t['titel'].lower() + '.')}\n"
              f"volgorde: {t['volgorde']}\ntafel:\n  naam: {q('Bestuurlijke tafel ' + t['titel'])}\n"
              f"  ritme: zes keer per jaar\n  leden:\n{leden}voorbeeld: true\n---\n"
              f"## Ambitie\n\n{self.paragraph(3)}\n\n## Aanpak\n\n{self.paragraph(2)}\n")
        for o in self.opgaven:
            w(f"opgaven/{o['slug']}.md",
              f"---\ntitel: {q(o['titel'])}\nsamenvatting: {q('Een regionale opgave over ' + o['titel'].lower() + '.')}\n"
              + ylist("themas", o["themas"]) + ylist("afhankelijk_van", o["deps"]) +
              f"vanaf: {o['vanaf']}\nvoorbeeld: true\n---\n## De opgave\n\n{self.paragraph(2)}\n")
        for c in self.coalities:
            d = ""
            for p in c["deelnemers"]:
                if "variant" in p:
                    d += f"  - partij: {p['partij']}\n    variant: {p['variant']}\n"
                else:
                    d += f"  - partij: {p['partij']}\n    varianten:\n"
                    for v, vanaf in p["varianten"]:
                        d += f"      - {{variant: {v}" + (f", vanaf: {vanaf}" if vanaf else "") + "}\n"
            s = "".join(f"  - {{stap: {st}, datum: {dd}}}\n" for st, dd in c["stappen"])
            w(f"coalities/{c['slug']}.md",
              f"---\ntitel: {q(c['titel'])}\nsamenvatting: {q('Een coalitie voor ' + c['titel'].lower() + '.')}\n"
              + ylist("themas", c["themas"]) + ylist("opgaven", c["opgaven"]) +
              f"status: {c['status']}\nstart: {c['start']}\n" + (f"eind: {c['eind']}\n" if c["eind"] else "") +
              f"ring: {c['ring']}\ndeelnemers:\n{d}" + (f"stappen:\n{s}" if s else "") +
              f"voorbeeld: true\n---\n## Doel\n\n{self.paragraph(2)}\n\n## Aanpak\n\n{self.paragraph(2)}\n")
        for b in self.besluiten:
            w(f"besluiten/{b['slug']}.md",
              f"---\ntitel: {q(b['titel'])}\ndatum: {b['datum']}\norgaan: {q(b['orgaan'])}\nuitkomst: Aangenomen\n"
              + ylist("themas", b["themas"]) + ylist("coalities", b["coalities"]) + ylist("gemeenten", b["gemeenten"]) +
              f"voorbeeld: true\n---\n## Wat is er besloten?\n\n{self.paragraph(2)}\n")
        # The free pages the templates link to, and one in the footer menu.
        for slug, titel, menu in PAGINAS:
            w(f"paginas/{slug}.md", f"---\ntitel: {q(titel)}\nsamenvatting: {q(titel + ' (synthetisch).')}\n"
                                    + (f"menu: {menu}\n" if menu else "") + f"voorbeeld: true\n---\n## Waarom\n\n{self.paragraph(2)}\n")
        for u in self.updates:
            w(f"updates/{u['slug']}.md",
              f"---\ntitel: {q(u['titel'])}\ndatum: {u['datum']}\nauteur: {q(u['auteur'])}\nsamenvatting: {q(u['samenvatting'])}\n"
              + ylist("themas", u["themas"]) + ylist("coalities", u["coalities"]) + ylist("gemeenten", u["gemeenten"]) +
              f"voorbeeld: true\n---\n{u['body']}")
        for folder in ["Templates", "Public"]:
            dest = os.path.join(root, folder)
            shutil.rmtree(dest, ignore_errors=True)
            shutil.copytree(os.path.join(REPO, folder), dest)

    # ---- Hugo --------------------------------------------------------------------------------

    def write_hugo(self, root):
        w = lambda rel, text: write(os.path.join(root, rel), text)
        w("hugo.toml", f"""baseURL = "https://regioportaal.example.nl/"
languageCode = "nl"
title = "Regioportaal Benchmark"
paginate = {self.per_page}
buildFuture = true
disableKinds = []
[taxonomies]
  thema = "themas"
  gemeente = "gemeenten"
[outputs]
  home = ["HTML", "RSS"]
  section = ["HTML", "RSS"]
  taxonomy = ["HTML"]
  term = ["HTML", "RSS"]
[params]
  description = "Synthetisch portaal voor de benchmark van de generator."
""")
        w("content/_index.md", "---\ntitle: \"Regioportaal Benchmark\"\n---\n")
        w("content/updates/_index.md", "---\ntitle: \"Updates\"\n---\nNieuws over de regionale samenwerking.\n")
        w("content/coalities/_index.md", "---\ntitle: \"Coalities\"\n---\n")
        w("content/opgaven/_index.md", "---\ntitle: \"Opgaven\"\n---\n")
        w("content/besluiten/_index.md", "---\ntitle: \"Besluiten\"\n---\n")
        w("content/themas/_index.md", "---\ntitle: \"Thema's\"\n---\n")
        w("content/gemeenten/_index.md", "---\ntitle: \"Gemeenten\"\n---\n")
        for slug, naam, _ in GEMEENTEN:
            w(f"content/gemeenten/{slug}/_index.md", f"---\ntitle: {q(naam)}\n---\n{naam} werkt mee in de regio.\n\n"
                                                      f"## Wat {naam} inbrengt\n\n{self.paragraph(3)}\n")
        for t in self.themas:
            w(f"content/themas/{t['slug']}/_index.md", f"---\ntitle: {q(t['titel'])}\n---\n## Ambitie\n\n{self.paragraph(3)}\n")
        for o in self.opgaven:
            w(f"content/opgaven/{o['slug']}.md", f"---\ntitle: {q(o['titel'])}\ndate: {o['vanaf']}\n"
                                                  + ylist("themas", o["themas"]) + f"---\n## De opgave\n\n{self.paragraph(2)}\n")
        for c in self.coalities:
            w(f"content/coalities/{c['slug']}.md", f"---\ntitle: {q(c['titel'])}\ndate: {c['start']}\n"
                                                    + ylist("themas", c["themas"]) + f"---\n## Doel\n\n{self.paragraph(2)}\n")
        for b in self.besluiten:
            w(f"content/besluiten/{b['slug']}.md", f"---\ntitle: {q(b['titel'])}\ndate: {b['datum']}\n"
                                                    + ylist("themas", b["themas"]) + ylist("gemeenten", b["gemeenten"]) +
                                                    f"---\n## Wat is er besloten?\n\n{self.paragraph(2)}\n")
        for slug, titel, _ in PAGINAS:
            w(f"content/{slug}.md", f"---\ntitle: {q(titel)}\n---\n## Waarom\n\n{self.paragraph(2)}\n")
        for u in self.updates:
            w(f"content/updates/{u['slug']}.md",
              f"---\ntitle: {q(u['titel'])}\ndate: {u['datum']}\nauthor: {q(u['auteur'])}\nsummary: {q(u['samenvatting'])}\n"
              + ylist("themas", u["themas"]) + ylist("gemeenten", u["gemeenten"]) + f"---\n{u['body']}")
        for rel, text in HUGO_LAYOUTS.items():
            w(rel, text)
        # The same stylesheet, copied as a static file.
        shutil.rmtree(os.path.join(root, "static"), ignore_errors=True)
        shutil.copytree(os.path.join(REPO, "Public"), os.path.join(root, "static"))


# Hugo layouts of comparable work: a base with head, header navigation, breadcrumbs, main, a
# sidebar with the 10 latest updates and a footer; single pages with their taxonomy links; the
# updates section paginated like /updates/; term pages with their 10 latest updates (like a thema
# or gemeente page); Atom-like RSS with the 50 latest entries and full content (like the feeds).
HUGO_LAYOUTS = {
    "layouts/_default/baseof.html": """<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} | {{ site.Title }}{{ end }}</title>
<meta name="description" content="{{ with .Description }}{{ . }}{{ else }}{{ with .Params.summary }}{{ . }}{{ else }}{{ site.Params.description }}{{ end }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
<meta property="og:title" content="{{ .Title }}">
<meta property="og:url" content="{{ .Permalink }}">
{{ range .AlternativeOutputFormats }}<link rel="{{ .Rel }}" type="{{ .MediaType.Type }}" href="{{ .Permalink }}">
{{ end }}<link rel="alternate" type="application/rss+xml" title="Alle updates" href="{{ "updates/index.xml" | relURL }}">
<link rel="stylesheet" href="{{ "css/site.css" | relURL }}">
<script src="{{ "js/site.js" | relURL }}" defer></script>
</head>
<body>
<a class="skip-link" href="#inhoud">Naar de inhoud</a>
<header class="site-header">
  <a class="site-title" href="{{ "/" | relURL }}">{{ site.Title }}</a>
  <nav class="site-nav" aria-label="Hoofdmenu"><ul>
  {{ $current := .Section }}{{ range slice "themas" "gemeenten" "coalities" "opgaven" "updates" "besluiten" }}<li><a href="{{ printf "/%s/" . | relURL }}"{{ if eq $current . }} aria-current="page"{{ end }}>{{ humanize . }}</a></li>
  {{ end }}</ul></nav>
</header>
{{ if not .IsHome }}<nav class="breadcrumbs" aria-label="Kruimelpad"><ol>
  <li><a href="{{ "/" | relURL }}">Home</a></li>{{ with .Parent }}{{ if not .IsHome }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}{{ end }}
  <li><span aria-current="page">{{ .Title }}</span></li></ol></nav>{{ end }}
<div class="columns">
<main id="inhoud" tabindex="-1">
{{ block "main" . }}{{ end }}
</main>
{{ partialCached "sidebar.html" . }}
</div>
<footer class="site-footer"><p>{{ site.Title }}. Stand van de gegevens: {{ now.Format "2006-01-02" }}.</p>
<p class="print-only">Deze pagina staat op {{ .Permalink }}</p></footer>
</body>
</html>
""",
    "layouts/partials/sidebar.html": """<aside class="sidebar" aria-labelledby="laatste-titel">
<h2 id="laatste-titel">Laatste updates</h2>
<ul class="item-list">
{{ range first 10 (where site.RegularPages.ByDate.Reverse "Section" "updates") }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></li>
{{ end }}</ul>
</aside>
""",
    "layouts/partials/item.html": """<li>
  <a href="{{ .RelPermalink }}">{{ .Title }}</a>
  <span class="meta"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>{{ with .GetTerms "themas" }} · {{ range $i, $t := . }}{{ if $i }}, {{ end }}{{ $t.LinkTitle }}{{ end }}{{ end }}</span>
  <span class="summary">{{ .Params.summary }}</span>
</li>
""",
    "layouts/_default/single.html": """{{ define "main" }}
<article class="wrap">
  <h1>{{ .Title }}</h1>
  <p class="meta byline"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>{{ with .Params.author }} · {{ . }}{{ end }}</p>
  {{ with .Params.summary }}<p class="lead">{{ . }}</p>{{ end }}
  <div class="prose">{{ .Content }}</div>
  {{ if or (.GetTerms "themas") (.GetTerms "gemeenten") }}<section class="related" aria-labelledby="over-titel">
  <h2 id="over-titel">Gaat over</h2>
  <dl class="facts">
    {{ with .GetTerms "themas" }}<dt>Thema's</dt><dd>{{ range $i, $t := . }}{{ if $i }}, {{ end }}<a href="{{ $t.RelPermalink }}">{{ $t.LinkTitle }}</a>{{ end }}</dd>{{ end }}
    {{ with .GetTerms "gemeenten" }}<dt>Gemeenten</dt><dd>{{ range $i, $t := . }}{{ if $i }}, {{ end }}<a href="{{ $t.RelPermalink }}">{{ $t.LinkTitle }}</a>{{ end }}</dd>{{ end }}
  </dl>
  </section>{{ end }}
  <p><a href="{{ "/updates/" | relURL }}">Alle updates</a></p>
</article>
{{ end }}
""",
    "layouts/_default/list.html": """{{ define "main" }}
<div class="wrap">
  <h1>{{ .Title }}</h1>
  {{ .Content }}
  <ul class="item-list">
  {{ range .Paginator.Pages }}{{ partial "item.html" . }}{{ end }}
  </ul>
  {{ template "_internal/pagination.html" . }}
</div>
{{ end }}
""",
    "layouts/_default/term.html": """{{ define "main" }}
<div class="wrap">
  <h1>{{ .Title }}</h1>
  <div class="prose">{{ .Content }}</div>
  <h2>Laatste updates</h2>
  <ul class="item-list">
  {{ range first 10 .Pages }}{{ partial "item.html" . }}{{ end }}
  </ul>
  <p><a href="{{ .RelPermalink }}index.xml">Volg als feed</a></p>
</div>
{{ end }}
""",
    "layouts/_default/taxonomy.html": """{{ define "main" }}
<div class="wrap">
  <h1>{{ .Title }}</h1>
  <ul class="card-grid">
  {{ range .Pages }}<li><a class="card" href="{{ .RelPermalink }}">{{ .Title }}</a> <span class="meta">{{ len .Pages }} updates</span></li>
  {{ end }}</ul>
</div>
{{ end }}
""",
    "layouts/index.html": """{{ define "main" }}
<div class="wrap">
  <h1>{{ site.Title }}</h1>
  <p class="lead">{{ site.Params.description }}</p>
  <h2>Laatste updates</h2>
  <ul class="item-list">
  {{ range first 5 (where site.RegularPages.ByDate.Reverse "Section" "updates") }}{{ partial "item.html" . }}{{ end }}
  </ul>
  <h2>Thema's</h2>
  <ul class="card-grid">{{ range site.Taxonomies.themas }}<li><a class="card" href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a></li>{{ end }}</ul>
  <h2>Gemeenten</h2>
  <ul class="card-grid">{{ range site.Taxonomies.gemeenten }}<li><a class="card" href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a></li>{{ end }}</ul>
</div>
{{ end }}
""",
    "layouts/_default/rss.xml": """{{- $pages := .Pages -}}{{- if .IsHome -}}{{- $pages = where site.RegularPages "Section" "updates" -}}{{- end -}}
{{- printf "<?xml version=\\"1.0\\" encoding=\\"utf-8\\" standalone=\\"yes\\"?>" | safeHTML }}
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>{{ site.Title }}: {{ .Title }}</title>
    <link>{{ .Permalink }}</link>
    <description>{{ site.Params.description }}</description>
    <language>nl</language>
    {{ with .OutputFormats.Get "RSS" }}<atom:link href="{{ .Permalink }}" rel="self" type="application/rss+xml" />{{ end }}
    {{ range first 50 $pages.ByDate.Reverse }}<item>
      <title>{{ .Title }}</title>
      <link>{{ .Permalink }}</link>
      <pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" | safeHTML }}</pubDate>
      <guid>{{ .Permalink }}</guid>
      <description>{{ .Content | html }}</description>
      {{ range .GetTerms "themas" }}<category>{{ .LinkTitle }}</category>{{ end }}
    </item>
    {{ end }}
  </channel>
</rss>
""",
}


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--updates", "-n", type=int, required=True, help="number of updates (N)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--per-page", type=int, default=10, help="updates per list page, both generators (default 10)")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    out = os.path.abspath(args.out)
    for sub in ["regioportaal", "hugo"]:
        shutil.rmtree(os.path.join(out, sub), ignore_errors=True)
    corpus = Corpus(args.updates, args.seed, args.per_page)
    corpus.build()
    corpus.write_regioportaal(os.path.join(out, "regioportaal"))
    corpus.write_hugo(os.path.join(out, "hugo"))
    content = os.path.join(out, "regioportaal", "Content")
    bodies = sorted(os.path.join(d, f) for d, _, fs in os.walk(content) for f in fs if f.endswith(".md"))
    write(os.path.join(out, "bodies.txt"), "".join(b + "\n" for b in bodies))
    size = sum(len(u["body"].encode()) for u in corpus.updates) / max(1, len(corpus.updates))
    print(f"{out}: {args.updates} updates (mean body {size:.0f} bytes), seed {args.seed}", file=sys.stderr)


if __name__ == "__main__":
    main()
