"""Edits a .pptx the way a person does in a real editor: LibreOffice Impress, driven through UNO.

Usage: /usr/bin/python3 edit-deck.py IN.pptx OUT.pptx EDITS.json

EDITS.json is a list of edits, applied in order (slide numbers count from 1 in the deck as it is
when the edit is made):
  {"op": "resave"}                                                  open and save, nothing else
  {"op": "add-box", "slide": 3, "name": "callout", "text": "..."}   a new text box
  {"op": "reword", "slide": 5, "from": "...", "to": "..."}          a paragraph whose text is `from`
  {"op": "insert", "after": 4, "title": "...", "body": "..."}       a new slide after slide 4
  {"op": "delete", "slide": 9}
The deck is saved with the "Impress MS PowerPoint 2007 XML" filter, as File > Save As .pptx does.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.awt import Point, Size
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(profile, pipe):
    soffice = subprocess.Popen(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 60
    while True:
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return soffice, ctx
        except Exception:
            if time.time() > deadline or soffice.poll() is not None:
                soffice.kill()
                raise
            time.sleep(0.3)


def shapes(page):
    return [page.getByIndex(i) for i in range(page.getCount())]


def add_box(doc, page, edit):
    box = doc.createInstance("com.sun.star.drawing.TextShape")
    page.add(box)
    box.setPosition(Point(edit.get("x", 2000), edit.get("y", 2000)))
    box.setSize(Size(edit.get("w", 8000), edit.get("h", 1500)))
    box.setString(edit["text"])
    if "name" in edit:
        box.Name = edit["name"]


def reword(page, edit):
    for shape in shapes(page):
        if not shape.supportsService("com.sun.star.drawing.Text"):
            continue
        paragraphs = shape.getText().createEnumeration()
        while paragraphs.hasMoreElements():
            paragraph = paragraphs.nextElement()
            if paragraph.getString() == edit["from"]:
                paragraph.setString(edit["to"])
                return
    raise SystemExit(f"no paragraph '{edit['from']}' on the slide")


def insert(doc, edit):
    pages = doc.getDrawPages()
    page = pages.insertNewByIndex(edit["after"] - 1)
    # Title and content, as Slide > New Slide gives on a content deck.
    page.Layout = 1
    texts = [s for s in shapes(page) if s.supportsService("com.sun.star.presentation.Shape")]
    for shape in texts:
        if shape.getShapeType() == "com.sun.star.presentation.TitleTextShape":
            shape.setString(edit["title"])
        elif shape.getShapeType() == "com.sun.star.presentation.OutlinerShape":
            shape.setString(edit["body"])


def main():
    source, target, edits_file = sys.argv[1:4]
    with open(edits_file, encoding="utf-8") as f:
        edits = json.load(f)
    work = tempfile.mkdtemp(prefix="briefdeck-uno-")
    soffice = None
    try:
        soffice, ctx = connect(os.path.join(work, "profile"), f"briefdeck{os.getpid()}")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(source)), "_blank", 0, (prop("Hidden", True),))
        pages = doc.getDrawPages()
        for edit in edits:
            op = edit["op"]
            if op == "resave":
                pass
            elif op == "add-box":
                add_box(doc, pages.getByIndex(edit["slide"] - 1), edit)
            elif op == "reword":
                reword(pages.getByIndex(edit["slide"] - 1), edit)
            elif op == "insert":
                insert(doc, edit)
            elif op == "delete":
                pages.remove(pages.getByIndex(edit["slide"] - 1))
            else:
                raise SystemExit(f"unknown edit {op}")
        out = uno.systemPathToFileUrl(os.path.abspath(target))
        doc.storeToURL(out, (prop("FilterName", "Impress MS PowerPoint 2007 XML"), prop("Overwrite", True)))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge goes away as soffice quits
    finally:
        if soffice is not None:
            try:
                soffice.wait(timeout=20)
            except subprocess.TimeoutExpired:
                soffice.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
