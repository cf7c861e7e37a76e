"""Staff pages for companies and customer groups, at ``/<lang>/dashboard/companies/``."""
