/// The pack's one stylesheet, inline in every document: screen first, then print (A4, page
/// numbers, running heads, page breaks before each report and appendix, table headers repeated
/// on every page, rows kept whole).
///
/// Colours meet WCAG 2.1 AA: body text #0b0c0c and links #1d4f91 on white; each band and state
/// pairs a dark text colour with a pale fill (all at least 7:1), and also carries a symbol and
/// a word, so nothing depends on colour alone.
///
/// WeasyPrint 57 (Debian's) renders the print rules: it supports margin boxes, `string-set`,
/// `target-counter`, `leader()` and named pages, but not CSS grid, hence the inline blocks.
enum PackStylesheet {
    static let css = Markup(
        trusted: """
            html { font-family: "Liberation Sans", Arial, "Helvetica Neue", "DejaVu Sans", sans-serif; \
            color: #0b0c0c; background: #ffffff; line-height: 1.45; }
            body { margin: 0 auto; max-width: 62rem; padding: 1.5rem 1.25rem 3rem; font-size: 1rem; }
            h1, h2, h3, h4, h5, h6 { line-height: 1.25; font-weight: 700; color: #0b0c0c; \
            break-after: avoid; page-break-after: avoid; }
            h1 { font-size: 2.1rem; margin: 0.75rem 0 0.25rem; }
            h2 { font-size: 1.55rem; margin: 2.25rem 0 0.9rem; padding-bottom: 0.3rem; border-bottom: 3px solid #1d3f6e; }
            h3 { font-size: 1.25rem; margin: 1.6rem 0 0.5rem; color: #1d3f6e; }
            h4 { font-size: 1.05rem; margin: 1.2rem 0 0.4rem; }
            h5, h6 { font-size: 1rem; margin: 1rem 0 0.4rem; }
            p { margin: 0 0 0.7rem; }
            a { color: #1d4f91; }
            a:focus { outline: 3px solid #ffdd00; background: #ffdd00; color: #0b0c0c; }
            ul, ol { margin: 0 0 0.8rem; padding-left: 1.6rem; }
            li { margin-bottom: 0.25rem; }
            p, li, td { orphans: 3; widows: 3; }
            dl { margin: 0 0 1rem; }
            blockquote { margin: 0 0 1rem; padding: 0.2rem 0 0.2rem 1rem; border-left: 4px solid #b1b4b6; }
            pre { white-space: pre-wrap; background: #f3f2f1; padding: 0.6rem; font-size: 0.9rem; }
            code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 0.92em; }
            .symbol { font-family: "DejaVu Sans", sans-serif; }

            table { border-collapse: collapse; width: 100%; margin: 0.4rem 0 1.2rem; font-size: 0.92rem; }
            caption { caption-side: top; text-align: left; font-weight: 700; padding: 0 0 0.35rem; color: #0b0c0c; }
            th, td { border: 1px solid #6f777b; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
            thead th { background: #dfe6ee; }
            tbody th { background: #f3f2f1; }

            .cover { padding-top: 1rem; }
            .council { font-size: 1.2rem; font-weight: 700; margin: 0; }
            .part-marking { display: inline-block; margin: 0.5rem 0 1rem; padding: 0.3rem 0.7rem; font-weight: 700; \
            letter-spacing: 0.02em; border: 3px solid #1d3f6e; color: #1d3f6e; }
            .part-marking-exempt { border-color: #8a1a1a; color: #8a1a1a; text-transform: uppercase; }
            .document-kind { font-size: 1.4rem; margin: 0 0 1.5rem; color: #1d3f6e; }
            .meeting-facts, .pack-facts { display: block; margin: 0 0 1.2rem; border-top: 1px solid #b1b4b6; }
            .meeting-facts dt, .pack-facts dt { float: left; clear: left; width: 8rem; font-weight: 700; padding: 0.35rem 0; }
            .meeting-facts dd, .pack-facts dd { margin: 0; padding: 0.35rem 0 0.35rem 8.5rem; border-bottom: 1px solid #b1b4b6; }
            .meeting-facts dd { font-size: 1.15rem; }
            .notice { border-left: 6px solid #1d3f6e; padding: 0.5rem 0.8rem; background: #f3f2f1; }
            .notice-exempt { border-left-color: #8a1a1a; }
            .warnings ul { list-style: none; padding-left: 0; }
            .warnings li { border-left: 5px solid #8a5a00; background: #fdf3dc; padding: 0.35rem 0.6rem; margin-bottom: 0.35rem; }
            .warning-symbol { font-family: "DejaVu Sans", sans-serif; color: #5a3a00; }

            .contents ol { list-style: none; padding-left: 0; }
            .contents ol ol { padding-left: 1.5rem; margin: 0.2rem 0 0; }
            .contents li { margin-bottom: 0.35rem; }
            .exempt-marking { font-weight: 700; color: #8a1a1a; }
            .contents .exempt-marking { display: block; font-size: 0.9rem; }

            .agenda-table th[scope="row"] { width: 3.5rem; text-align: center; }
            .agenda-table td:nth-child(3) { width: 30%; }
            .agenda-table td:nth-child(4) { width: 24%; font-size: 0.88rem; }
            .item-number { color: #1d3f6e; }
            .not-submitted { border-left: 6px solid #8a5a00; background: #fdf3dc; padding: 0.5rem 0.8rem; }

            .template-fields { border: 2px solid #0b0c0c; }
            .template-fields th { width: 32%; background: #f3f2f1; }
            .template-fields caption, .core-purpose caption { font-weight: 400; color: #505a5f; font-size: 0.88rem; }
            .template-section h3 { border-top: 1px solid #b1b4b6; padding-top: 0.6rem; }
            .template-section h4 { font-size: 1rem; }
            .core-purpose th[scope="row"] { width: 38%; }
            .none-stated, .section-note { color: #505a5f; font-style: italic; }
            .recommendations { list-style: none; padding-left: 2.2rem; counter-reset: recommendation; }
            .recommendations li { counter-increment: recommendation; }
            .recommendations li::before { content: "(" counter(recommendation) ")"; display: inline-block; \
            width: 2.2rem; margin-left: -2.2rem; font-weight: 700; }
            .contact dt { float: left; clear: left; width: 6rem; font-weight: 700; }
            .contact dd { margin: 0 0 0.3rem 6.5rem; }
            .report-body h3 { border-top: 3px solid #1d3f6e; padding-top: 0.6rem; }
            .report-table caption { font-weight: 400; color: #505a5f; font-size: 0.85rem; }
            .omitted { color: #505a5f; font-style: italic; }

            .key { font-size: 0.9rem; background: #f3f2f1; padding: 0.5rem 0.7rem; line-height: 1.9; }
            .band, .state { display: inline-block; white-space: nowrap; padding: 0 0.35rem; border: 1px solid; \
            border-radius: 3px; font-weight: 700; line-height: 1.5; }
            .band-outstanding { background: #dbe7f6; color: #0b2e59; border-color: #0b2e59; }
            .band-good { background: #d8eedd; color: #0f4d22; border-color: #0f4d22; }
            .band-requires-improvement { background: #fcebc5; color: #5a3a00; border-color: #5a3a00; }
            .band-inadequate { background: #f8d7d7; color: #7a1010; border-color: #7a1010; }
            .band-none { background: #eeeeee; color: #383f43; border-color: #6f777b; font-weight: 400; }
            .direction { white-space: nowrap; }
            .direction-improving { color: #0f4d22; }
            .direction-declining { color: #7a1010; }
            .direction-stable, .direction-new { color: #383f43; }
            .previous, .polarity, .overdue-days { display: block; font-size: 0.82rem; color: #505a5f; font-weight: 400; }
            .measure-id { display: block; font-size: 0.8rem; color: #505a5f; font-weight: 400; }
            .audit { font-weight: 400; font-size: 0.85rem; }
            .scorecard { font-size: 0.85rem; }
            .scorecard th[scope="row"] { width: 22%; }
            .scorecard .shows { width: 24%; }
            .scorecard .threshold, .scorecard .period { white-space: nowrap; }
            .scorecard .figure { font-weight: 700; text-align: right; white-space: nowrap; }
            .trend-only { color: #383f43; font-style: italic; white-space: normal; }
            .no-figure { font-weight: 400; color: #505a5f; font-style: italic; }
            .trends { margin: 0 0 1rem; columns: 2 22rem; column-gap: 1.2rem; }
            .trend { display: block; margin: 0 0 1rem; border: 1px solid #b1b4b6; padding: 0.5rem 0.6rem; \
            break-inside: avoid; page-break-inside: avoid; }
            .trend figcaption { font-weight: 700; font-size: 0.88rem; margin-bottom: 0.3rem; }
            .trend-chart { display: inline-block; vertical-align: top; width: 200px; margin-right: 0.5rem; }
            .trend-data { display: inline-table; width: auto; vertical-align: top; font-size: 0.8rem; margin: 0; }
            .trend-data th, .trend-data td { padding: 0.2rem 0.35rem; }
            .trend-data caption { font-weight: 400; color: #505a5f; font-size: 0.8rem; }
            .trend-data td.figure { text-align: right; font-weight: 700; }

            .actions { font-size: 0.85rem; }
            .actions th[scope="row"] { width: 3.8rem; white-space: nowrap; }
            .actions td:nth-child(2) { width: 30%; }
            .actions td:nth-child(3) { width: 14%; }
            .actions .review-date { white-space: nowrap; }
            .actions .update { width: 30%; }
            .update-date { display: block; font-weight: 700; font-size: 0.82rem; }
            .state-overdue { background: #f8d7d7; color: #7a1010; border-color: #7a1010; }
            .state-due { background: #fcebc5; color: #5a3a00; border-color: #5a3a00; }
            .state-open { background: #ffffff; color: #383f43; border-color: #6f777b; font-weight: 400; }
            .state-complete { background: #d8eedd; color: #0f4d22; border-color: #0f4d22; }
            .rag { display: inline-block; padding: 0 0.3rem; border: 1px solid; font-weight: 700; }
            .rag-red { background: #f8d7d7; color: #7a1010; }
            .rag-amber { background: #fcebc5; color: #5a3a00; }
            .rag-green { background: #d8eedd; color: #0f4d22; }
            .created-by { display: block; font-size: 0.82rem; color: #505a5f; }

            @page {
              size: A4;
              margin: 20mm 17mm 20mm 17mm;
              @top-left { content: string(board); font-family: "DejaVu Sans", sans-serif; font-size: 7.5pt; color: #505a5f; }
              @top-right { content: string(part); font-family: "DejaVu Sans", sans-serif; font-size: 7.5pt; \
            font-weight: bold; color: #1d3f6e; }
              @bottom-left { content: string(meeting); font-family: "DejaVu Sans", sans-serif; font-size: 7.5pt; color: #505a5f; }
              @bottom-right { content: "Page " counter(page) " of " counter(pages); font-family: "DejaVu Sans", sans-serif; \
            font-size: 7.5pt; color: #505a5f; }
            }
            @page :first { @top-left { content: none; } }
            @page wide { size: A4 landscape; margin: 15mm 15mm 16mm 15mm; }

            @media print {
              html { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9.5pt; }
              body { max-width: none; margin: 0; padding: 0; font-size: 1rem; }
              a { color: #0b0c0c; text-decoration: none; }
              h1 { font-size: 24pt; }
              h2 { font-size: 16pt; margin-top: 0; }
              h3 { font-size: 12.5pt; }
              h4 { font-size: 10.5pt; }
              .board-name { string-set: board content(); }
              .part-marking { string-set: part content(); }
              .meeting-date { string-set: meeting content(); }
              .part-exempt .part-marking { font-size: 13pt; }
              body.part-exempt { }
              .cover { padding-top: 25mm; }
              .warnings h2, .changes h2 { font-size: 13pt; margin-top: 1.2rem; }
              .contents { break-before: page; }
              .contents a::after { content: leader(".") " " target-counter(attr(href), page); }
              .contents li { margin-bottom: 0.25rem; }
              .agenda { margin-top: 1.5rem; }
              .item, .appendix { break-before: page; }
              caption, h4, h5 { break-after: avoid; page-break-after: avoid; }
              .report-body a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.9em; color: #383f43; }
              .item-exempt-notice { break-before: auto; }
              .appendix { page: wide; }
              .template-section, .report-body h3 { break-inside: auto; }
              thead { display: table-header-group; }
              tr, figure, .trend, .contact, .key { break-inside: avoid; page-break-inside: avoid; }
              table { font-size: 8.5pt; }
              .scorecard, .actions { font-size: 8pt; }
              pre { white-space: pre-wrap; }
            }
            """)

    /// Added to Part II only: its running head, on every page, in the red of its marking.
    static let exemptCSS = Markup(
        trusted: """

            @page { @top-right { color: #8a1a1a; font-size: 8.5pt; } }
            """)
}
