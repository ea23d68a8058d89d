"""Reading and writing the Excel/WPS/ODS forms."""
