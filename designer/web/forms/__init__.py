"""WTForms forms, one module per blueprint; every form carries a CSRF token."""
