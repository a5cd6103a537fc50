"""Access: local accounts, sign-in tokens, sign-in slowing, allowed host names. Decided on the server."""
