/**
 * The "Role comparison" block in the editor: its options in the block's sidebar, and in the
 * post the widget itself as readers will see it, following the options as the author sets them
 * (mounted with embed.js's RoleCompare.mount, which the plugin loads into the editor; it cannot
 * be clicked here, so a click selects the block). The post saves only the attributes (save
 * returns null); the server renders the widget (role-compare.php). Plain JS on WordPress's
 * globals, no build step and no JSX.
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
	var Disabled = components.Disabled;
	var useRef = element.useRef;
	var useEffect = element.useEffect;

	/** The attributes that are no options of the widget, or none it should have in the editor
	 * (a preview must not write the editor's address). */
	var NOT_PREVIEWED = [ 'className', 'align', 'lock', 'metadata', 'urlState' ];

	/** Calls back with window.RoleCompare once embed.js has run; never when it is not there. */
	function whenLoaded( callback ) {
		if ( window.RoleCompare ) {
			callback( window.RoleCompare );
			return;
		}
		var script = document.getElementById( 'role-compare-js' );
		if ( script ) {
			script.addEventListener( 'load', function () {
				if ( window.RoleCompare ) {
					callback( window.RoleCompare );
				}
			} );
		}
	}

	/** The block's attributes as mount() options: only those set, flags as true. */
	function previewOptions( a ) {
		var options = {};
		Object.keys( a ).forEach( function ( key ) {
			var value = a[ key ];
			if ( NOT_PREVIEWED.indexOf( key ) === -1 && value !== undefined && value !== null && value !== '' && value !== false ) {
				options[ key ] = value;
			}
		} );
		return options;
	}

	/** The widget, mounted anew whenever an option changes. */
	function Preview( props ) {
		var ref = useRef( null );
		var options = previewOptions( props.attributes );
		var key = JSON.stringify( options );
		useEffect(
			function () {
				var host = ref.current;
				var api = null;
				var live = true;
				whenLoaded( function ( rc ) {
					if ( live ) {
						api = rc;
						rc.mount( host, options );
					}
				} );
				return function () {
					live = false;
					if ( api ) {
						api.unmount( host );
					}
				};
			},
			[ key ]
		);
		return el( Disabled, null, el( 'div', { ref: ref, className: 'role-compare-preview' } ) );
	}

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

			// Without embed.js (a plugin built without its assets), a box that sums up the options.
			var box = el(
				'div',
				useBlockProps(),
				document.getElementById( 'role-compare-js' ) || window.RoleCompare
					? el( Preview, { attributes: a } )
					: el( Placeholder, {
						icon: 'columns',
						label: __( 'Role comparison', 'role-compare' ),
						instructions: summary( a ),
					} )
			);

			return el( element.Fragment, null, sidebar, box );
		},
		save: function () {
			return null;
		},
	} );
} )( window.wp.blocks, window.wp.element, window.wp.blockEditor, window.wp.components, window.wp.i18n );
