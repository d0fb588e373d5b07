<?php
/**
 * Sets up the test's WordPress from the command line, as WP-CLI would (Debian has no WP-CLI
 * package, and no registry here carries it): `wp core install` is wp_install() from
 * wp-admin/includes/upgrade.php, `wp plugin activate` is activate_plugin(), `wp user create` is
 * wp_insert_user(). Run by tests/e2e/support/wordpress.mjs, twice, each a fresh PHP process:
 *
 *   php setup-site.php ROOT install    < {"title", "admin": {"login", "password", "email"}}
 *   php setup-site.php ROOT configure  < {"plugin", "author": {"login", "password", "email"}}
 *
 * (install runs with WP_INSTALLING, which loads no plugin, so the plugin is activated in a
 * second process that loads WordPress as a request would.) Prints one line of JSON.
 *
 * @package role-compare
 */

if ( PHP_SAPI !== 'cli' || $argc !== 3 ) {
	fwrite( STDERR, "usage: php setup-site.php ROOT install|configure < options.json\n" );
	exit( 2 );
}
list( , $root, $step ) = $argv;
$options               = json_decode( stream_get_contents( STDIN ), true );

// What WordPress reads from a request; the address itself comes from WP_HOME in wp-config.php.
$_SERVER['HTTP_HOST']   = '127.0.0.1';
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';

if ( 'install' === $step ) {
	define( 'WP_INSTALLING', true );
	require $root . '/wp-load.php';
	require_once ABSPATH . 'wp-admin/includes/upgrade.php';
	$admin  = $options['admin'];
	$result = wp_install( $options['title'], $admin['login'], $admin['email'], true, '', wp_slash( $admin['password'] ) );
	echo wp_json_encode( array( 'installed' => is_blog_installed(), 'adminId' => $result['user_id'] ) ), "\n";
	exit( 0 );
}

require $root . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

$activated = activate_plugin( $options['plugin'] );
if ( is_wp_error( $activated ) ) {
	fwrite( STDERR, 'activate_plugin: ' . $activated->get_error_message() . "\n" );
	exit( 1 );
}

// Avatars come from gravatar.com, which this machine cannot reach (a failed image load is a
// console error in every page with a comment); a site owner turns them off the same way.
update_option( 'show_avatars', 0 );

$author    = $options['author'];
$author_id = wp_insert_user(
	array(
		'user_login'   => $author['login'],
		'user_pass'    => $author['password'],
		'user_email'   => $author['email'],
		'display_name' => 'Alex Author',
		'role'         => 'author',
	)
);
if ( is_wp_error( $author_id ) ) {
	fwrite( STDERR, 'wp_insert_user: ' . $author_id->get_error_message() . "\n" );
	exit( 1 );
}
// The block editor's welcome guide would cover the editor on the Author's first visit.
update_user_meta( $author_id, $GLOBALS['wpdb']->get_blog_prefix() . 'persisted_preferences', array( 'core/edit-post' => array( 'welcomeGuide' => false ), '_modified' => gmdate( 'c' ) ) );

echo wp_json_encode(
	array(
		'pluginActive'           => is_plugin_active( $options['plugin'] ),
		'authorId'               => $author_id,
		'authorRoles'            => get_userdata( $author_id )->roles,
		'authorUnfilteredHtml'   => user_can( $author_id, 'unfiltered_html' ),
		'authorPublishPosts'     => user_can( $author_id, 'publish_posts' ),
		'wordpressVersion'       => get_bloginfo( 'version' ),
	)
), "\n";
