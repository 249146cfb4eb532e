"""Quick texts and the knowledge base in the desk: the library of quick texts every editor shares
(library.py), the pane of scripts and articles beside the contact form (knowledge_pane.py), what joins
them to a contact panel (contact_assist.py) and the editors' dialog (knowledge_editor.py)."""
