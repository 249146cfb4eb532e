"""Plain widgets and display helpers every view may use (labels of enums and dates, field rows with
their error styling): below the views in the desktop's layers, importing none of them."""
