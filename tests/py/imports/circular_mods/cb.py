import sys
order = sys._circ_order
order.append('cb start')
import ca
order.append('cb sees ca.A_EARLY = %s' % ca.A_EARLY)
order.append('cb sees A_LATE: %s' % hasattr(ca, 'A_LATE'))
B = 'bee'
