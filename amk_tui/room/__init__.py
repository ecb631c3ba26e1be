"""`amk room`: the projector's window, following the facilitator's console through the file.

The console writes the session atomically on every change; the room reads it (never writes
it), a few times a second, and draws the same views in their room form. Presence is told
through `flock` on small lock files, so nothing but the console ever writes the session.
"""
