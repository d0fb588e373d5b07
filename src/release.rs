//! A release's manifest, `release.json`, as the build writes it (`scripts/postbuild.mjs`): the
//! version, and the path and Subresource Integrity hash of each file a page loads. Snippets
//! that carry `integrity` (the build's `snippet.html`, the share bar's "Embed this view") are
//! made from it, and point at the release's own folder, `v<version>/`, so that a pasted snippet
//! keeps loading the very files its hashes name after later releases. Pure, no browser API.
//!
//! Read field by field through a lookup, not with serde's derive: the browser reads the JSON
//! (`JSON.parse`) for the wasm, which saves the derive's code there (measured:
//! docs/performance.md, "Where the bytes go"); the build's pre-render reads it with
//! `serde_json::Value`.

/// `release.json`. Paths are relative to the folder holding it.
#[derive(Clone, Debug, PartialEq)]
pub struct Release {
    /// The version, from Cargo.toml (`0.2.0`).
    pub version: String,
    /// The loader, `embed.js`.
    pub embed: Asset,
    /// The widget's stylesheet, `role-compare.<hash>.css`.
    pub css: Asset,
    /// `frame-parent.js`, which sizes iframe embeds to their content.
    pub frame_parent: Asset,
}

/// One file: where it is and what it must hash to.
#[derive(Clone, Debug, PartialEq)]
pub struct Asset {
    pub path: String,
    /// `sha384-<base64>`, for an `integrity` attribute.
    pub integrity: String,
}

impl Release {
    /// The release from its JSON's fields, looked up by their path (`["files", "css", "path"]`)
    /// with `get`, which gives a field's text, or `None` where there is no such text.
    pub fn from_fields(get: impl Fn(&[&str]) -> Option<String>) -> Result<Release, String> {
        let text = |path: &[&str]| get(path).ok_or_else(|| ["no ", &path.join(".")].concat());
        let name = text(&["name"])?;
        if name != "role-compare" {
            return Err(["not role-compare's release.json (name \"", &name, "\")"].concat());
        }
        let asset = |key: &str| -> Result<Asset, String> {
            Ok(Asset {
                path: text(&["files", key, "path"])?,
                integrity: text(&["files", key, "integrity"])?,
            })
        };
        Ok(Release {
            version: text(&["version"])?,
            embed: asset("embed")?,
            css: asset("css")?,
            frame_parent: asset("frameParent")?,
        })
    }

    /// The release from the text of `release.json` (native builds: the pre-render, tests).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json(json: &str) -> Result<Release, String> {
        let value: serde_json::Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
        Release::from_fields(|path| {
            let pointer = ["/", &path.join("/")].concat();
            value.pointer(&pointer)?.as_str().map(str::to_string)
        })
    }
}

/// A release and the address of its versioned folder (ending in `/`), where snippets point.
#[derive(Clone, Debug, PartialEq)]
pub struct Pinned {
    pub site: String,
    pub release: Release,
}

impl Pinned {
    /// `release`, pinned from `site`, the address of the folder the widget's files were loaded
    /// from (the root of the deployed site, or a versioned folder already).
    pub fn new(site: &str, release: Release) -> Pinned {
        Pinned {
            site: pinned_site(site, &release.version),
            release,
        }
    }

    /// The address of one of the release's files.
    pub fn url(&self, asset: &Asset) -> String {
        [self.site.as_str(), &asset.path].concat()
    }
}

/// The address of `version`'s own folder, given the folder (ending in `/`) the widget's files
/// come from: that folder itself when it is already `…/v<version>/`, else its `v<version>/`.
pub fn pinned_site(site: &str, version: &str) -> String {
    let folder = ["v", version, "/"].concat();
    if site.ends_with(&["/", &folder].concat()) {
        site.to_string()
    } else {
        [site, &folder].concat()
    }
}
