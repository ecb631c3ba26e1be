"""What a screen shows for each item of the program — one view per kind of item.

The facilitator's console and the room's window render the same views from a `ViewContext`:
the scene (`core.scene`: what is shown now), the session it was derived from and its words;
`ViewContext.room` leaves out what only the facilitator sees (cursors, keys, values before
the reveal). Views post messages up; they never change the session.
"""
