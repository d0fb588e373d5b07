<?php
/**
 * Plugin Name:       Role comparison (role-compare)
 * Description:       What the CIO, the CTO and the CMO do, side by side, filterable, in a post: the shortcode [role-compare roles="cio,cto"] and the block "Role comparison". The widget's files come with the plugin.
 * Version:           0.0.0-source
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * Text Domain:       role-compare
 *
 * The shortcode and the block write the same markup, the documented embed
 * `<div data-role-compare data-roles="…">`, on the server. Authors without `unfiltered_html`
 * (the Author and Contributor roles) cannot save a <script> in a post; a shortcode or a block is
 * text that kses keeps, and the script comes from this plugin, enqueued once a page and only on
 * pages that hold a comparison, as a module with Subresource Integrity.
 *
 * The widget's files are not in the source tree: integrations/wordpress/build.sh copies a
 * release (its release.json and the files it names) into assets/ and makes the zip to install.
 *
 * @package role-compare
 */

defined( 'ABSPATH' ) || exit;

/** The handle of embed.js and of the stylesheet. */
const ROLE_COMPARE_HANDLE = 'role-compare';

/**
 * The options docs/embedding.md documents, as data-* names. A block attribute or shortcode name
 * is written in kebab-case; these two are the only documented names whose camelCase (the block's
 * attributes) or lower case (WordPress lower-cases shortcode names) differs.
 */
const ROLE_COMPARE_ALIASES = array(
	'headinglevel' => 'heading-level',
	'urlstate'     => 'url-state',
);

/**
 * The release bundled in assets/: release.json decoded, or null when the plugin was not built.
 * Only paths of plain file names inside assets/ are taken.
 *
 * @return array|null
 */
function role_compare_release() {
	static $release = false;
	if ( false !== $release ) {
		return $release;
	}
	$release = null;
	$file    = __DIR__ . '/assets/release.json';
	if ( ! is_readable( $file ) ) {
		return null;
	}
	$json = json_decode( (string) file_get_contents( $file ), true ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file.
	if ( ! is_array( $json ) || ! isset( $json['files']['embed']['path'] ) ) {
		return null;
	}
	foreach ( $json['files'] as $key => $entry ) {
		$path = isset( $entry['path'] ) ? (string) $entry['path'] : '';
		if ( ! preg_match( '#^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$#', $path ) || false !== strpos( $path, '..' ) ) {
			unset( $json['files'][ $key ] );
		}
	}
	if ( ! isset( $json['files']['embed'] ) ) {
		return null;
	}
	$release = $json;
	return $release;
}

/**
 * The integrity of one of the release's files ("embed", "css"), or '' when it gives none.
 *
 * @param string $key The file's key in release.json.
 * @return string
 */
function role_compare_integrity( $key ) {
	$release = role_compare_release();
	$value   = isset( $release['files'][ $key ]['integrity'] ) ? (string) $release['files'][ $key ]['integrity'] : '';
	return preg_match( '#^sha(256|384|512)-[A-Za-z0-9+/=]+( sha(256|384|512)-[A-Za-z0-9+/=]+)*$#', $value ) ? $value : '';
}

/**
 * Registers embed.js and the stylesheet (front end). Without a version: the release's names
 * carry their own, and embed.js recognises the stylesheet link by its exact address (a
 * "?ver=" would make it add a second one).
 */
function role_compare_register_assets() {
	$release = role_compare_release();
	if ( ! $release ) {
		return;
	}
	wp_register_script( ROLE_COMPARE_HANDLE, plugins_url( 'assets/' . $release['files']['embed']['path'], __FILE__ ), array(), null, true ); // phpcs:ignore WordPress.WP.EnqueuedResourceParameters.MissingVersion
	if ( isset( $release['files']['css'] ) ) {
		wp_register_style( ROLE_COMPARE_HANDLE, plugins_url( 'assets/' . $release['files']['css']['path'], __FILE__ ), array(), null ); // phpcs:ignore WordPress.WP.EnqueuedResourceParameters.MissingVersion
	}
}
add_action( 'wp_enqueue_scripts', 'role_compare_register_assets', 5 );

/** Puts the script and the stylesheet on the page (once: WordPress enqueues a handle once). */
function role_compare_enqueue() {
	if ( ! wp_script_is( ROLE_COMPARE_HANDLE, 'registered' ) ) {
		role_compare_register_assets();
	}
	wp_enqueue_script( ROLE_COMPARE_HANDLE );
	wp_enqueue_style( ROLE_COMPARE_HANDLE );
}

/**
 * On a single post or page that holds the shortcode or the block, enqueue in time for the
 * stylesheet to go into <head>. Rendering enqueues too (role_compare_markup), for everything
 * this cannot see (archives, widgets, other post types' templates); there a classic theme prints
 * the stylesheet at the end of the page, which embed.js would otherwise add itself.
 */
function role_compare_enqueue_for_singular() {
	$post = is_singular() ? get_post() : null;
	if ( $post && ( has_shortcode( $post->post_content, 'role-compare' ) || has_block( 'role-compare/comparison', $post ) ) ) {
		role_compare_enqueue();
	}
}
add_action( 'wp_enqueue_scripts', 'role_compare_enqueue_for_singular', 20 );

/**
 * In the block editor, embed.js and the stylesheet too: the block shows the widget itself as it
 * will be (block/editor.js mounts it with RoleCompare.mount).
 */
function role_compare_enqueue_for_editor() {
	if ( role_compare_release() ) {
		role_compare_enqueue();
	}
}
add_action( 'enqueue_block_editor_assets', 'role_compare_enqueue_for_editor' );

/**
 * embed.js is an ES module: WordPress 6.1 has no script modules API (wp_register_script_module
 * came in 6.5), so the tag is rewritten here: type="module", and integrity with
 * crossorigin="anonymous" when the release gives the integrity. Only our own <script> element
 * is replaced; anything WordPress prints around it stays.
 *
 * @param string $tag    The <script> tag(s) for the handle.
 * @param string $handle The script's handle.
 * @param string $src    The script's address.
 * @return string
 */
function role_compare_script_tag( $tag, $handle, $src ) {
	if ( ROLE_COMPARE_HANDLE !== $handle ) {
		return $tag;
	}
	$integrity = role_compare_integrity( 'embed' );
	$ours      = sprintf(
		'<script type="module" src="%s" id="%s-js"%s></script>',
		esc_url( $src ),
		esc_attr( $handle ),
		$integrity ? sprintf( ' integrity="%s" crossorigin="anonymous"', esc_attr( $integrity ) ) : ''
	);
	$pattern = '#<script\b[^>]*\bid=([\'"])' . preg_quote( $handle, '#' ) . '-js\1[^>]*>\s*</script>#';
	$count   = 0;
	$result  = preg_replace_callback(
		$pattern,
		static function () use ( $ours ) {
			return $ours;
		},
		$tag,
		1,
		$count
	);
	return $count ? $result : $ours . "\n";
}
add_filter( 'script_loader_tag', 'role_compare_script_tag', 10, 3 );

/**
 * The stylesheet link gets integrity and crossorigin="anonymous" when the release gives them.
 *
 * @param string $tag    The <link> tag.
 * @param string $handle The style's handle.
 * @return string
 */
function role_compare_style_tag( $tag, $handle ) {
	$integrity = role_compare_integrity( 'css' );
	if ( ROLE_COMPARE_HANDLE !== $handle || ! $integrity ) {
		return $tag;
	}
	return preg_replace( '#<link\b#', sprintf( '<link integrity="%s" crossorigin="anonymous"', esc_attr( $integrity ) ), $tag, 1 );
}
add_filter( 'style_loader_tag', 'role_compare_style_tag', 10, 2 );

/**
 * The embed element for a set of options, and the script and stylesheet enqueued.
 *
 * Every option becomes a data-* attribute: the documented ones and any other (the widget names
 * an unknown option in its own notice). Names are written in kebab-case from camelCase and
 * snake_case; names that are not [a-z][a-z0-9-]* are left out. true gives a bare attribute,
 * false, null and '' none (each option's default), anything else its text, escaped.
 *
 * @param array  $options    Option name => value.
 * @param string $extra_attr More attributes for the element, already escaped (the block's
 *                           wrapper class), or ''.
 * @return string
 */
function role_compare_markup( array $options, $extra_attr = '' ) {
	if ( ! role_compare_release() ) {
		// Readers see nothing; an editor learns why.
		return current_user_can( 'edit_posts' )
			? '<p class="role-compare-missing">' . esc_html__( 'Role comparison: the plugin has no widget files. Install the built plugin zip (integrations/wordpress/build.sh makes it).', 'role-compare' ) . '</p>'
			: '';
	}
	role_compare_enqueue();
	$attributes = '';
	foreach ( $options as $key => $value ) {
		$name = strtolower( preg_replace( '/([a-z0-9])([A-Z])/', '$1-$2', (string) $key ) );
		$name = str_replace( '_', '-', $name );
		$name = array_key_exists( $name, ROLE_COMPARE_ALIASES ) ? ROLE_COMPARE_ALIASES[ $name ] : $name;
		// The marker and the widget's own data-rc-* attributes are no options.
		if ( ! preg_match( '/^[a-z][a-z0-9-]*$/', $name ) || 'role-compare' === $name || 0 === strpos( $name, 'rc-' ) ) {
			continue;
		}
		if ( true === $value ) {
			$attributes .= ' data-' . $name;
		} elseif ( false !== $value && null !== $value && '' !== $value && is_scalar( $value ) ) {
			$attributes .= sprintf( ' data-%s="%s"', $name, esc_attr( (string) $value ) );
		}
	}
	return sprintf( '<div data-role-compare%s%s></div>', $extra_attr ? ' ' . $extra_attr : '', $attributes );
}

/**
 * [role-compare roles="cio,cto" focus="external" heading-level="3" compact]
 *
 * WordPress gives a bare word (compact) as a positional value: it is taken as a flag.
 *
 * @param array|string $atts The shortcode's attributes ('' when it has none).
 * @return string
 */
function role_compare_shortcode( $atts ) {
	$options = array();
	foreach ( (array) $atts as $key => $value ) {
		if ( is_int( $key ) ) {
			$options[ (string) $value ] = true;
		} else {
			$options[ $key ] = $value;
		}
	}
	return role_compare_markup( $options );
}
add_shortcode( 'role-compare', 'role_compare_shortcode' );

/**
 * The block "Role comparison" (block/block.json), rendered on the server as the shortcode is.
 *
 * @param array $attributes The block's attributes.
 * @return string
 */
function role_compare_render_block( $attributes ) {
	// What the block supports (a CSS class, wide or full alignment) goes into the wrapper's
	// class, not into options.
	$options = array_diff_key( (array) $attributes, array_flip( array( 'className', 'align', 'lock', 'metadata' ) ) );
	return role_compare_markup( $options, get_block_wrapper_attributes() );
}

/** Registers the block from its block.json (the editor script is block/editor.js). */
function role_compare_register_block() {
	register_block_type( __DIR__ . '/block', array( 'render_callback' => 'role_compare_render_block' ) );
}
add_action( 'init', 'role_compare_register_block' );

/** An administrator who installed the plugin from source learns that it lacks the widget. */
function role_compare_admin_notice() {
	if ( role_compare_release() || ! current_user_can( 'activate_plugins' ) ) {
		return;
	}
	printf(
		'<div class="notice notice-error"><p>%s</p></div>',
		esc_html__( 'Role comparison: assets/release.json is missing, so the widget cannot load. Install the plugin zip that integrations/wordpress/build.sh makes, not the source folder.', 'role-compare' )
	);
}
add_action( 'admin_notices', 'role_compare_admin_notice' );
