/**
 * The "Role comparison" block in the editor: its options in the block's sidebar, and in the
 * post a box that says what readers will see. The post saves only the attributes (save returns
 * null); the server renders the widget (role-compare.php). Plain JS on WordPress's globals, no
 * build step and no JSX.
 */
( function ( blocks, element, blockEditor, components, i18n ) {
	'use strict';

	var el = element.createElement;
	var __ = i18n.__;
	var InspectorControls = blockEditor.InspectorControls;
	var useBlockProps = blockEditor.useBlockProps;
	var PanelBody = components.PanelBody;
	var TextControl = components.TextControl;
	var SelectControl = components.SelectControl;
	var ToggleControl = components.ToggleControl;
	var Placeholder = components.Placeholder;

	/** A select whose first choice, '', leaves the option out (the widget's default). */
	function choice( label, value, options, onChange, help ) {
		return el( SelectControl, {
			label: label,
			value: value === undefined ? '' : String( value ),
			options: options.map( function ( o ) {
				return { value: o[ 0 ], label: o[ 1 ] };
			} ),
			onChange: onChange,
			help: help,
		} );
	}

	/** A text field; an empty field leaves the option out. */
	function text( label, value, onChange, help ) {
		return el( TextControl, { label: label, value: value || '', onChange: onChange, help: help } );
	}

	/** One line that sums up the options, for the box in the post. */
	function summary( a ) {
		var parts = [];
		parts.push( a.roles ? a.roles.split( ',' ).map( function ( r ) { return r.trim().toUpperCase(); } ).join( ', ' ) : 'CIO, CTO, CMO' );
		[ 'focus', 'line', 'topic', 'overlap', 'layout', 'theme' ].forEach( function ( key ) {
			if ( a[ key ] ) {
				parts.push( key + ': ' + a[ key ] );
			}
		} );
		if ( a.q ) {
			parts.push( 'search: “' + a.q + '”' );
		}
		if ( a.compact ) {
			parts.push( 'compact' );
		}
		return parts.join( ' · ' );
	}

	blocks.registerBlockType( 'role-compare/comparison', {
		edit: function ( props ) {
			var a = props.attributes;
			function set( key ) {
				return function ( value ) {
					var change = {};
					change[ key ] = value === '' ? undefined : value;
					props.setAttributes( change );
				};
			}

			var sidebar = el(
				InspectorControls,
				null,
				el(
					PanelBody,
					{ title: __( 'Comparison', 'role-compare' ), initialOpen: true },
					text(
						__( 'Roles', 'role-compare' ),
						a.roles,
						set( 'roles' ),
						__( 'Role ids, comma-separated, in column order: cio, cto, cmo, ciso, coo. Empty: CIO, CTO and CMO.', 'role-compare' )
					),
					choice( __( 'Focus', 'role-compare' ), a.focus, [ [ '', __( 'Any', 'role-compare' ) ], [ 'internal', __( 'Internal', 'role-compare' ) ], [ 'external', __( 'External', 'role-compare' ) ] ], set( 'focus' ) ),
					choice( __( 'Financial line', 'role-compare' ), a.line, [ [ '', __( 'Any', 'role-compare' ) ], [ 'top', __( 'Top line (revenue)', 'role-compare' ) ], [ 'bottom', __( 'Bottom line (cost and profit)', 'role-compare' ) ] ], set( 'line' ) ),
					text(
						__( 'Topics', 'role-compare' ),
						a.topic,
						set( 'topic' ),
						__( 'Topic ids, comma-separated, e.g. security, data, vendors, product, marketing, operations.', 'role-compare' )
					),
					choice( __( 'Overlap', 'role-compare' ), a.overlap, [ [ '', __( 'Any', 'role-compare' ) ], [ 'shared', __( 'Shared or contested duties', 'role-compare' ) ], [ 'unique', __( 'Duties unique to a role', 'role-compare' ) ] ], set( 'overlap' ) ),
					text( __( 'Search text', 'role-compare' ), a.q, set( 'q' ) )
				),
				el(
					PanelBody,
					{ title: __( 'Look', 'role-compare' ), initialOpen: true },
					choice( __( 'Layout', 'role-compare' ), a.layout, [ [ '', __( 'A column a role', 'role-compare' ) ], [ 'topics', __( 'A row a topic', 'role-compare' ) ] ], set( 'layout' ) ),
					choice( __( 'Theme', 'role-compare' ), a.theme, [ [ '', __( 'The page’s light or dark mode', 'role-compare' ) ], [ 'light', __( 'Light', 'role-compare' ) ], [ 'dark', __( 'Dark', 'role-compare' ) ], [ 'inherit', __( 'The theme’s colours and font', 'role-compare' ) ] ], set( 'theme' ) ),
					el( ToggleControl, {
						label: __( 'Compact', 'role-compare' ),
						help: __( 'Tighter spacing, no summaries or sources.', 'role-compare' ),
						checked: !! a.compact,
						onChange: function ( value ) {
							props.setAttributes( { compact: value || undefined } );
						},
					} ),
					choice(
						__( 'Heading level', 'role-compare' ),
						a.headingLevel,
						[ [ '', __( 'H2 (default)', 'role-compare' ) ], [ '3', 'H3' ], [ '4', 'H4' ], [ '5', 'H5' ], [ '6', 'H6' ] ],
						function ( value ) {
							props.setAttributes( { headingLevel: value ? parseInt( value, 10 ) : undefined } );
						},
						__( 'Of the role headings, to fit the post’s outline.', 'role-compare' )
					),
					text(
						__( 'Controls shown', 'role-compare' ),
						a.facets,
						set( 'facets' ),
						__( 'Comma-separated: roles, focus, line, topic, overlap, search, layout. Empty: all.', 'role-compare' )
					)
				),
				el(
					PanelBody,
					{ title: __( 'Link and content', 'role-compare' ), initialOpen: false },
					el( ToggleControl, {
						label: __( 'Keep the filters in the page address', 'role-compare' ),
						help: __( 'So a reader can share the filtered view. One comparison a page.', 'role-compare' ),
						checked: !! a.urlState,
						onChange: function ( value ) {
							props.setAttributes( { urlState: value || undefined } );
						},
					} ),
					text( __( 'Content file (URL)', 'role-compare' ), a.content, set( 'content' ), __( 'Your own roles and duties, in the widget’s content format. Empty: the built-in CIO, CTO and CMO.', 'role-compare' ) )
				)
			);

			var box = el(
				'div',
				useBlockProps(),
				el( Placeholder, {
					icon: 'columns',
					label: __( 'Role comparison', 'role-compare' ),
					instructions: summary( a ),
				}, el( 'p', { className: 'role-compare-editor-note' }, __( 'Readers see the live comparison here. Its options are in the block’s sidebar.', 'role-compare' ) ) )
			);

			return el( element.Fragment, null, sidebar, box );
		},
		save: function () {
			return null;
		},
	} );
} )( window.wp.blocks, window.wp.element, window.wp.blockEditor, window.wp.components, window.wp.i18n );
