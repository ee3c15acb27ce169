//! Markdown notes turned into a small view model (blocks of styled spans) that the Notes
//! page draws. The parser is pulldown-cmark; this module only decides what a note can
//! show: headings, paragraphs, lists (with task boxes), quotes, code and rules, with bold,
//! italic, strikethrough, inline code and links. Raw HTML is shown as text, never run.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// How a span of text looks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Style {
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// Struck through.
    pub strike: bool,
    /// Inline code.
    pub code: bool,
}

/// A run of text with one style, maybe a link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    /// The text.
    pub text: String,
    /// Its style.
    pub style: Style,
    /// Where it links to, as written (check with [`safe_link`] before opening).
    pub link: Option<String>,
}

/// The marker in front of a list item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    /// A bullet.
    Bullet,
    /// A number.
    Number(u64),
    /// A task box, done or not.
    Task(bool),
}

/// A block of the note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A heading, level 1 to 6.
    Heading {
        /// 1 for `#`, up to 6.
        level: u8,
        /// Its text.
        spans: Vec<Span>,
    },
    /// A paragraph.
    Paragraph(Vec<Span>),
    /// A list item.
    Item {
        /// Nesting, from 0.
        depth: u8,
        /// Bullet, number or task box.
        marker: Marker,
        /// Its text.
        spans: Vec<Span>,
    },
    /// A quote.
    Quote(Vec<Span>),
    /// A code block.
    Code(String),
    /// A horizontal rule.
    Rule,
}

/// The link, when it is one that may be opened: web (http, https) and e-mail (mailto).
pub fn safe_link(url: &str) -> Option<&str> {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:")).then_some(url)
}

/// Where the parser is.
#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    spans: Vec<Span>,
    style: Style,
    links: Vec<String>,
    /// Open lists: the next number of each (None for bullets).
    lists: Vec<Option<u64>>,
    item: Option<(u8, Marker)>,
    quote: usize,
    code: Option<String>,
}

impl Builder {
    fn text(&mut self, text: &str, style: Style) {
        if let Some(code) = &mut self.code {
            code.push_str(text);
            return;
        }
        let link = self.links.last().cloned();
        match self.spans.last_mut() {
            Some(last) if last.style == style && last.link == link => last.text.push_str(text),
            _ => self.spans.push(Span { text: text.to_owned(), style, link }),
        }
    }

    /// Ends the current block of text: an item, a quote, a heading or a paragraph.
    fn flush(&mut self, heading: Option<u8>) {
        let spans = std::mem::take(&mut self.spans);
        if spans.iter().all(|span| span.text.trim().is_empty()) {
            return;
        }
        let block = match (heading, self.item.take(), self.quote > 0) {
            (Some(level), _, _) => Block::Heading { level, spans },
            (None, Some((depth, marker)), _) => Block::Item { depth, marker, spans },
            (None, None, true) => Block::Quote(spans),
            (None, None, false) => Block::Paragraph(spans),
        };
        self.blocks.push(block);
    }

    fn start_item(&mut self) {
        self.flush(None);
        let depth = self.lists.len().saturating_sub(1).min(u8::MAX as usize) as u8;
        let marker = match self.lists.last_mut() {
            Some(Some(number)) => {
                let marker = Marker::Number(*number);
                *number = number.saturating_add(1);
                marker
            }
            _ => Marker::Bullet,
        };
        self.item = Some((depth, marker));
    }
}

/// Parses a note into blocks.
pub fn parse(markdown: &str) -> Vec<Block> {
    let options = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let mut b = Builder::default();
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::Heading { .. }) | Event::Start(Tag::Paragraph) => {
                // A paragraph inside an item continues the item's text.
                if b.item.is_none() {
                    b.flush(None);
                } else if !b.spans.is_empty() {
                    b.text(" ", Style::default());
                }
            }
            Event::End(TagEnd::Heading(level)) => b.flush(Some(level as u8)),
            Event::End(TagEnd::Paragraph) if b.item.is_none() => b.flush(None),
            Event::Start(Tag::List(start)) => {
                b.flush(None);
                b.lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                b.flush(None);
                b.lists.pop();
            }
            Event::Start(Tag::Item) => b.start_item(),
            Event::End(TagEnd::Item) => b.flush(None),
            Event::TaskListMarker(done) => {
                if let Some((_, marker)) = &mut b.item {
                    *marker = Marker::Task(done);
                }
            }
            Event::Start(Tag::BlockQuote(_)) => {
                b.flush(None);
                b.quote += 1;
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                b.flush(None);
                b.quote = b.quote.saturating_sub(1);
            }
            Event::Start(Tag::CodeBlock(_)) => {
                b.flush(None);
                b.code = Some(String::new());
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some(code) = b.code.take() {
                    b.blocks.push(Block::Code(code.trim_end_matches('\n').to_owned()));
                }
            }
            Event::Start(Tag::Emphasis) => b.style.italic = true,
            Event::End(TagEnd::Emphasis) => b.style.italic = false,
            Event::Start(Tag::Strong) => b.style.bold = true,
            Event::End(TagEnd::Strong) => b.style.bold = false,
            Event::Start(Tag::Strikethrough) => b.style.strike = true,
            Event::End(TagEnd::Strikethrough) => b.style.strike = false,
            Event::Start(Tag::Link { dest_url, .. }) => b.links.push(dest_url.to_string()),
            Event::End(TagEnd::Link) => {
                b.links.pop();
            }
            Event::Text(text) => b.text(&text, b.style),
            Event::Code(code) => b.text(&code, Style { code: true, ..b.style }),
            Event::Html(html) | Event::InlineHtml(html) => b.text(&html, b.style),
            Event::SoftBreak => b.text(" ", b.style),
            Event::HardBreak => b.text("\n", b.style),
            Event::Rule => {
                b.flush(None);
                b.blocks.push(Block::Rule);
            }
            _ => {}
        }
    }
    b.flush(None);
    b.blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(spans: &[Span]) -> String {
        spans.iter().map(|span| span.text.as_str()).collect()
    }

    #[test]
    fn the_sample_note_becomes_blocks() {
        let sample = crate::storage::sample_document().unwrap();
        let blocks = parse(&sample.notes[0].markdown);
        assert!(
            matches!(&blocks[0], Block::Heading { level: 1, spans } if plain(spans) == "Healthcare summit: who will be there")
        );
        let items: Vec<&Block> = blocks.iter().filter(|b| matches!(b, Block::Item { .. })).collect();
        assert_eq!(items.len(), 6);
        let Block::Item { marker, spans, .. } = items[0] else { unreachable!() };
        assert_eq!(*marker, Marker::Bullet);
        assert!(spans[0].style.bold && spans[0].text == "Marieke Jansen");
        let Block::Item { marker, .. } = items[2] else { unreachable!() };
        assert_eq!(*marker, Marker::Number(1));
    }

    #[test]
    fn styles_links_tasks_quotes_code_and_rules() {
        let blocks = parse(
            "A *quiet* **bold** ~~old~~ `code` [site](https://example.org) [bad](javascript:alert(1))\n\n\
             - [x] done\n- [ ] todo\n  1. nested\n\n> quoted\n\n```\nlet x = 1;\n```\n\n---\n",
        );
        let Block::Paragraph(spans) = &blocks[0] else { panic!("{blocks:?}") };
        assert!(spans.iter().any(|s| s.text == "quiet" && s.style.italic));
        assert!(spans.iter().any(|s| s.text == "bold" && s.style.bold));
        assert!(spans.iter().any(|s| s.text == "old" && s.style.strike));
        assert!(spans.iter().any(|s| s.text == "code" && s.style.code));
        let site = spans.iter().find(|s| s.text == "site").unwrap();
        assert_eq!(site.link.as_deref().and_then(safe_link), Some("https://example.org"));
        let bad = spans.iter().find(|s| s.text == "bad").unwrap();
        assert_eq!(bad.link.as_deref().and_then(safe_link), None);
        assert!(matches!(blocks[1], Block::Item { marker: Marker::Task(true), depth: 0, .. }));
        assert!(matches!(blocks[2], Block::Item { marker: Marker::Task(false), .. }));
        assert!(matches!(blocks[3], Block::Item { marker: Marker::Number(1), depth: 1, .. }));
        assert!(matches!(&blocks[4], Block::Quote(spans) if plain(spans) == "quoted"));
        assert_eq!(blocks[5], Block::Code("let x = 1;".into()));
        assert_eq!(blocks[6], Block::Rule);
    }

    #[test]
    fn html_is_text_and_odd_input_does_not_break() {
        let blocks = parse("<script>alert(1)</script>\n\nhello <b>x</b>");
        assert!(blocks.iter().any(|b| matches!(b, Block::Paragraph(spans) if plain(spans).contains("<b>"))));
        for odd in ["", "\0", "#", "> > > >", "- - - -", "[](", "```", "*".repeat(10_000).as_str(), "1. \n2.\n   -"] {
            let _ = parse(odd);
        }
        assert!(parse("").is_empty());
    }

    #[test]
    fn only_web_and_mail_links_are_safe() {
        assert!(safe_link("HTTPS://Example.org").is_some());
        assert!(safe_link("mailto:sanne@example.org").is_some());
        for unsafe_link in
            ["javascript:alert(1)", "file:///etc/passwd", "ftp://x", "/relative", "data:text/html,x", "é"]
        {
            assert_eq!(safe_link(unsafe_link), None, "{unsafe_link}");
        }
    }
}
