//! The card as a self-contained HTML page (print CSS, every piece of text escaped) and as
//! Markdown, with the same content as the PDF.

use super::content::CardContent;
use pitchcraft_core::i18n::{Tr, tr};
use pitchcraft_core::model::Paper;

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            c => escaped.push(c),
        }
    }
    escaped
}

const STYLE: &str = "
body { font-family: Inter, 'Segoe UI', Helvetica, Arial, sans-serif; color: #1f2328; max-width: 176mm;
       margin: 15mm auto; font-size: 10.5pt; line-height: 1.4; }
header { display: flex; justify-content: space-between; align-items: center; gap: 8mm;
         border-bottom: 0.7pt solid #8fbcc2; padding-bottom: 4mm; }
h1 { font-size: 25pt; margin: 0; } .headline { color: #1d6f7a; font-weight: 600; font-size: 12.5pt; margin: 1mm 0; }
.contact { color: #5b6470; font-size: 9pt; } .qr svg { width: 25mm; height: 25mm; }
.brand { border-left: 2.5pt solid #1d6f7a; padding-left: 4mm; font-style: italic; font-size: 13pt; margin-top: 5mm; }
h2 { font-size: 8pt; letter-spacing: 0.08em; text-transform: uppercase; color: #1d6f7a; margin: 5.5mm 0 1.5mm; }
.grid3 { display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 3.5mm 5mm; }
.grid2 { display: grid; grid-template-columns: 1fr 1fr; gap: 3.5mm 6mm; }
.muted { color: #5b6470; font-size: 9pt; } .metric { color: #1d6f7a; font-weight: 700; }
.pitch { background: #eef5f6; border-radius: 2mm; padding: 4mm; font-size: 11pt; }
.pitch p { margin: 0 0 2mm; }
";

/// The card as one HTML page.
pub fn html(content: &CardContent) -> String {
    let language = content.language;
    let e = escape_html;
    let page = if content.paper == Paper::Letter { "letter" } else { "A4" };
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>@page {{ size: {page}; margin: 0; }}{STYLE}</style>\n</head>\n<body>\n<header>\n<div>\n<h1>{}</h1>\n",
        language.code(),
        e(&content.name),
        e(&content.name)
    );
    if let Some(headline) = &content.headline {
        out.push_str(&format!("<p class=\"headline\">{}</p>\n", e(headline)));
    }
    if let Some(role) = &content.role {
        out.push_str(&format!("<p class=\"contact\">{}</p>\n", e(role)));
    }
    if !content.contact.is_empty() {
        let contact: Vec<String> = content.contact.iter().map(|line| e(line)).collect();
        out.push_str(&format!("<p class=\"contact\">{}</p>\n", contact.join(" &middot; ")));
    }
    out.push_str("</div>\n");
    if let Some(svg) = content.vcard.as_deref().and_then(super::qr::svg) {
        // Our own SVG, made from the vCard by the QR encoder: no text of the person in it.
        let svg = svg.split_once("?>").map_or(svg.as_str(), |(_, rest)| rest).trim().to_owned();
        out.push_str(&format!("<div class=\"qr\">{svg}</div>\n"));
    }
    out.push_str("</header>\n");
    for key in &content.order {
        match *key {
            "brand" => {
                if let Some(brand) = &content.brand {
                    out.push_str(&format!("<p class=\"brand\">{}</p>\n", e(brand)));
                }
            }
            "values" if !content.values.is_empty() => {
                out.push_str(&format!("<h2>{}</h2>\n<div class=\"grid3\">\n", e(tr(language, Tr::CardLabelValues))));
                for value in &content.values {
                    out.push_str(&format!("<div><strong>{}. {}</strong>", value.rank, e(&value.name)));
                    if let Some(meaning) = &value.meaning {
                        out.push_str(&format!("<br><span class=\"muted\">{}</span>", e(meaning)));
                    }
                    out.push_str("</div>\n");
                }
                out.push_str("</div>\n");
            }
            "strengths" if !content.strengths.is_empty() => {
                out.push_str(&format!("<h2>{}</h2>\n<div class=\"grid2\">\n", e(tr(language, Tr::CardLabelStrengths))));
                for strength in &content.strengths {
                    out.push_str(&format!("<div><strong>{}</strong>", e(&strength.name)));
                    if let Some(description) = &strength.description {
                        out.push_str(&format!("<br><span class=\"muted\">{}</span>", e(description)));
                    }
                    if strength.metric.is_some() || strength.proof.is_some() {
                        out.push_str("<br>");
                        if let Some(metric) = &strength.metric {
                            out.push_str(&format!("<span class=\"metric\">{}</span> ", e(metric)));
                        }
                        if let Some(proof) = &strength.proof {
                            out.push_str(&e(proof));
                        }
                    }
                    out.push_str("</div>\n");
                }
                out.push_str("</div>\n");
            }
            "pitch" => {
                if let Some(pitch) = &content.pitch {
                    out.push_str(&format!("<h2>{}</h2>\n<div class=\"pitch\">\n", e(&pitch.title)));
                    for paragraph in &pitch.paragraphs {
                        out.push_str(&format!("<p>{}</p>\n", e(paragraph)));
                    }
                    out.push_str("</div>\n");
                }
            }
            "goals" if !content.goals.is_empty() => {
                out.push_str(&format!("<h2>{}</h2>\n<div class=\"grid2\">\n", e(tr(language, Tr::CardLabelGoals))));
                for goal in &content.goals {
                    out.push_str(&format!(
                        "<div><span class=\"muted\">{}</span><br>{}</div>\n",
                        e(&goal.horizon),
                        e(&goal.statement)
                    ));
                }
                out.push_str("</div>\n");
            }
            _ => {}
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// Escapes text so Markdown shows it as written.
fn escape_markdown(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// The card as Markdown.
pub fn markdown(content: &CardContent) -> String {
    let language = content.language;
    let m = escape_markdown;
    let mut out = format!("# {}\n\n", m(&content.name));
    if let Some(headline) = &content.headline {
        out.push_str(&format!("**{}**\n\n", m(headline)));
    }
    if let Some(role) = &content.role {
        out.push_str(&format!("{}\n\n", m(role)));
    }
    if !content.contact.is_empty() {
        let contact: Vec<String> = content.contact.iter().map(|line| m(line)).collect();
        out.push_str(&format!("{}\n\n", contact.join(" · ")));
    }
    for key in &content.order {
        match *key {
            "brand" => {
                if let Some(brand) = &content.brand {
                    out.push_str(&format!("> {}\n\n", m(brand)));
                }
            }
            "values" if !content.values.is_empty() => {
                out.push_str(&format!("## {}\n\n", m(tr(language, Tr::CardLabelValues))));
                for value in &content.values {
                    out.push_str(&format!("{}. **{}**", value.rank, m(&value.name)));
                    if let Some(meaning) = &value.meaning {
                        out.push_str(&format!(": {}", m(meaning)));
                    }
                    out.push('\n');
                }
                out.push('\n');
            }
            "strengths" if !content.strengths.is_empty() => {
                out.push_str(&format!("## {}\n\n", m(tr(language, Tr::CardLabelStrengths))));
                for strength in &content.strengths {
                    out.push_str(&format!("- **{}**", m(&strength.name)));
                    for part in [&strength.description, &strength.metric, &strength.proof].into_iter().flatten() {
                        out.push_str(&format!(" — {}", m(part)));
                    }
                    out.push('\n');
                }
                out.push('\n');
            }
            "pitch" => {
                if let Some(pitch) = &content.pitch {
                    out.push_str(&format!("## {}\n\n", m(&pitch.title)));
                    for paragraph in &pitch.paragraphs {
                        out.push_str(&format!("{}\n\n", m(paragraph)));
                    }
                }
            }
            "goals" if !content.goals.is_empty() => {
                out.push_str(&format!("## {}\n\n", m(tr(language, Tr::CardLabelGoals))));
                for goal in &content.goals {
                    out.push_str(&format!("- *{}*: {}\n", m(&goal.horizon), m(&goal.statement)));
                }
                out.push('\n');
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_everywhere() {
        let mut document = pitchcraft_core::storage::sample_document().unwrap();
        document.person.name = "<script>alert(1)</script> & \"quotes\"".into();
        document.brand_statement = "</p><img src=x onerror=alert(1)>".into();
        let content =
            super::super::content::content(&document, Paper::A4, &pitchcraft_core::model::CardSection::ALL, None);
        let page = html(&content);
        assert!(!page.contains("<script>alert"), "{page}");
        assert!(!page.contains("<img"));
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"));
        assert_eq!(page.matches("<script").count(), 0);
        let text = markdown(&content);
        assert!(text.starts_with("# \\<script\\>alert(1)\\</script\\> & \"quotes\""), "{text}");
    }
}
