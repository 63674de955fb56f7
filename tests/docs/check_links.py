#!/usr/bin/env python3
"""Checks the relative links of sendplan's Markdown documentation.

Usage: check_links.py [REPO_ROOT]   (default: the repository this script is in)

Reads README.md, CONTRIBUTING.md and every .md file under docs/. For each Markdown link or image
whose target is relative (no URL scheme such as http:, https: or mailto:), it checks that the
target exists, relative to the linking file's folder; and, when the target has a #anchor and is a
Markdown file (or the anchor stands alone, meaning the linking file itself), that the file has a
heading whose GitHub-style slug is the anchor. Links in fenced code blocks, inline code and HTML
comments are not links and are skipped.

Prints `file:line: broken link TARGET (reason)` for each failure and exits 1 when there is any,
0 otherwise. Python 3 standard library only.
"""

import os
import re
import sys
import urllib.parse

# [text](target "title") and ![alt](target); the text may hold one level of brackets (an image
# inside a link, or `[x]` in text).
INLINE_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*(<[^>]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)"
                         r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)")
# [label]: target   (a reference definition)
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)")
ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
HTML_ANCHOR = re.compile(r"<a\s+[^>]*?(?:name|id)\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def github_slug(heading):
    """GitHub's anchor for a heading: the text without markup, lowercased, punctuation removed
    except hyphens, underscores and spaces, then spaces turned into hyphens."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # links and images: their text
    text = re.sub(r"<[^>]+>", "", text)  # inline HTML tags
    text = text.replace("`", "")
    text = text.strip().lower()
    kept = "".join(ch for ch in text if ch.isalnum() or ch in "-_ ")
    return kept.replace(" ", "-")


def strip_comments_and_code(lines, drop_inline_code=True):
    """The lines with fenced code blocks and HTML comments blanked (and inline code spans removed
    unless drop_inline_code is false: a heading's slug keeps their text), so that nothing in them
    is taken for a link or a heading. Line numbers are kept."""
    out = []
    fence = None
    in_comment = False
    for line in lines:
        if fence is not None:
            out.append("")
            stripped = line.strip()
            if stripped.startswith(fence) and set(stripped) <= set(fence[0]):
                fence = None
            continue
        if not in_comment:
            opened = FENCE.match(line)
            if opened:
                fence = opened.group(1)
                out.append("")
                continue
        text = ""
        rest = line
        while rest:
            if in_comment:
                end = rest.find("-->")
                if end < 0:
                    rest = ""
                else:
                    rest = rest[end + 3:]
                    in_comment = False
            else:
                start = rest.find("<!--")
                if start < 0:
                    text += rest
                    rest = ""
                else:
                    text += rest[:start]
                    rest = rest[start + 4:]
                    in_comment = True
        if drop_inline_code:  # a run of backticks up to the same run
            text = re.sub(r"(`+)(?:(?!\1).)+?\1", "", text)
        out.append(text)
    return out


def anchors_of(path, cache):
    """Every anchor a Markdown file has: its headings' slugs (numbered -1, -2, ... when repeated,
    as GitHub does) and explicit HTML anchors."""
    if path in cache:
        return cache[path]
    with open(path, encoding="utf-8") as f:
        raw = f.read().splitlines()
    lines = strip_comments_and_code(raw, drop_inline_code=False)
    anchors = set()
    seen = {}

    def add(heading):
        slug = github_slug(heading)
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        anchors.add(slug if count == 0 else f"{slug}-{count}")

    for i, line in enumerate(lines):
        heading = ATX_HEADING.match(line)
        if heading:
            add(heading.group(2) or "")
        elif (SETEXT_UNDERLINE.match(line) and i > 0 and lines[i - 1].strip()
              and not lines[i - 1].lstrip().startswith(("|", "#", "-", "*", ">"))
              and "|" not in line):
            add(lines[i - 1])
        for anchor in HTML_ANCHOR.findall(line):
            anchors.add(anchor)
    cache[path] = anchors
    return anchors


def targets_in(line):
    for match in INLINE_LINK.finditer(line):
        yield match.group(1)
    definition = REFERENCE_DEFINITION.match(line)
    if definition:
        yield definition.group(1)


def check_file(root, path, cache):
    """The problems of one file, as printable lines."""
    problems = []
    relative = os.path.relpath(path, root)
    with open(path, encoding="utf-8") as f:
        lines = strip_comments_and_code(f.read().splitlines())
    for number, line in enumerate(lines, start=1):
        for target in targets_in(line):
            shown = target
            if target.startswith("<") and target.endswith(">"):
                target = target[1:-1]
            if not target or SCHEME.match(target) or target.startswith("//"):
                continue  # external (http:, https:, mailto:, ...)
            file_part, _, anchor = target.partition("#")
            file_part = urllib.parse.unquote(file_part.split("?", 1)[0])
            if file_part:
                if file_part.startswith("/"):
                    resolved = os.path.join(root, file_part.lstrip("/"))
                else:
                    resolved = os.path.join(os.path.dirname(path), file_part)
                resolved = os.path.normpath(resolved)
                if not os.path.exists(resolved):
                    problems.append(f"{relative}:{number}: broken link {shown} (no such file: "
                                    f"{os.path.relpath(resolved, root)})")
                    continue
            else:
                resolved = path
            if not anchor:
                continue
            anchor = urllib.parse.unquote(anchor)
            if os.path.isdir(resolved) or not resolved.endswith(".md"):
                continue  # an anchor in a folder or a non-Markdown file is not checked
            if anchor not in anchors_of(resolved, cache):
                problems.append(f"{relative}:{number}: broken link {shown} (no heading "
                                f"'#{anchor}' in {os.path.relpath(resolved, root)})")
    return problems


def markdown_files(root):
    files = [os.path.join(root, name) for name in ("README.md", "CONTRIBUTING.md")]
    files = [f for f in files if os.path.isfile(f)]
    docs = os.path.join(root, "docs")
    for folder, subfolders, names in os.walk(docs):
        subfolders.sort()
        files.extend(os.path.join(folder, n) for n in sorted(names) if n.endswith(".md"))
    return files


def main(argv):
    if len(argv) > 2:
        print("usage: check_links.py [REPO_ROOT]", file=sys.stderr)
        return 2
    root = os.path.abspath(argv[1] if len(argv) == 2 else
                           os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    files = markdown_files(root)
    if not files:
        print(f"check_links.py: no Markdown files in {root}", file=sys.stderr)
        return 2
    cache = {}
    problems = []
    for path in files:
        problems.extend(check_file(root, path, cache))
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} broken link(s) in {len(files)} file(s)", file=sys.stderr)
        return 1
    print(f"links: {len(files)} Markdown files checked, no broken relative link")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
