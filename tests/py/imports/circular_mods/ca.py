import sys
order = sys._circ_order
order.append('ca start')
A_EARLY = 'early'
import cb
order.append('ca sees cb.B = %s' % cb.B)
A_LATE = 'late'
