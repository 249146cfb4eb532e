"""The desk's side of the department plugins: the plugin host per desk (:mod:`.desk_plugins`), the
panels in each customer overview (:mod:`.panel_area`, :mod:`.panel_widget`, :mod:`.panel_content`),
action dialogs (:mod:`.action_dialog`, :mod:`.form_fields`) and Help ▸ Plugins (:mod:`.plugins_dialog`)."""
