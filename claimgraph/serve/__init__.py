"""Later issues fill this stage."""
