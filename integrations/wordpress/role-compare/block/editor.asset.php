<?php
/**
 * What block/editor.js needs, in the form WordPress reads for a block.json "file:" script
 * (6.1 requires this file). Plain JS with WordPress's globals: no build step.
 *
 * @package role-compare
 */

return array(
	'dependencies' => array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n' ),
	'version'      => '0.0.0-source',
);
