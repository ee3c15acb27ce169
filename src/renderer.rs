//! Which of eframe's renderers draws the window, and the order they are tried in.
//!
//! Both are built in. Glow (OpenGL) is the default: on software rendering (virtual machines,
//! remote desktops, old laptops) it costs a fraction of wgpu's CPU for a ticking timer, and
//! starts faster (BENCHMARKS.md, "Renderers"). When the first renderer cannot start (no
//! OpenGL, a broken driver), the other is tried. `PITCHCRAFT_RENDERER=glow|wgpu` forces
//! one, without a fallback.

use std::fmt;

/// One of the two renderers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Renderer {
    /// OpenGL through glow (EGL or GLX).
    Glow,
    /// wgpu (Vulkan, or OpenGL ES).
    Wgpu,
}

impl Renderer {
    /// The default order: glow first, then wgpu.
    pub const DEFAULT_ORDER: [Renderer; 2] = [Renderer::Glow, Renderer::Wgpu];

    /// The name used in `PITCHCRAFT_RENDERER` and in messages.
    pub fn name(self) -> &'static str {
        match self {
            Renderer::Glow => "glow",
            Renderer::Wgpu => "wgpu",
        }
    }

    /// eframe's own value.
    pub fn eframe(self) -> eframe::Renderer {
        match self {
            Renderer::Glow => eframe::Renderer::Glow,
            Renderer::Wgpu => eframe::Renderer::Wgpu,
        }
    }
}

impl fmt::Display for Renderer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The renderers to try, in order, for a `PITCHCRAFT_RENDERER` value (`None`: not set).
pub fn order(forced: Option<&str>) -> Result<Vec<Renderer>, String> {
    match forced.map(str::trim) {
        None | Some("") => Ok(Renderer::DEFAULT_ORDER.to_vec()),
        Some(name) if name.eq_ignore_ascii_case("glow") => Ok(vec![Renderer::Glow]),
        Some(name) if name.eq_ignore_ascii_case("wgpu") => Ok(vec![Renderer::Wgpu]),
        Some(other) => Err(format!("PITCHCRAFT_RENDERER={other} is not a renderer: use glow or wgpu")),
    }
}

/// The order from the environment.
pub fn order_from_env() -> Result<Vec<Renderer>, String> {
    order(std::env::var("PITCHCRAFT_RENDERER").ok().as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glow_comes_first_and_wgpu_is_the_fallback() {
        assert_eq!(order(None).unwrap(), [Renderer::Glow, Renderer::Wgpu]);
        assert_eq!(order(Some("")).unwrap(), [Renderer::Glow, Renderer::Wgpu]);
    }

    #[test]
    fn a_forced_renderer_is_the_only_one_tried() {
        assert_eq!(order(Some("wgpu")).unwrap(), [Renderer::Wgpu]);
        assert_eq!(order(Some(" GLOW ")).unwrap(), [Renderer::Glow]);
    }

    #[test]
    fn an_unknown_renderer_is_a_clear_error() {
        let error = order(Some("vulkan")).unwrap_err();
        assert!(error.contains("vulkan") && error.contains("glow or wgpu"), "{error}");
    }
}
