import { useI18n } from '../../i18n/context.js';
import { Link } from '../../lib/router.js';
import { formatPrice } from './product-form.js';
import { sectionPath } from './sections.js';
import type { ProductView } from './types.js';

export function ProductTable({ items, openId }: { items: ProductView[]; openId: string | null }) {
  const { t, locale } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table" data-testid="product-table">
        <thead>
          <tr>
            <th>{t('pub.product.name')}</th>
            <th className="num">{t('pub.product.price')}</th>
            <th>{t('pub.product.stock')}</th>
            <th>{t('pub.product.hashtags')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr key={p.id} data-testid="product-row" data-product-id={p.id} aria-selected={p.id === openId}>
              <td>
                <Link to={sectionPath('products', p.id)} className="row-link" data-testid="product-link">
                  {p.name}
                </Link>
                {p.imageUrls.length > 0 && (
                  <span className="muted small block">
                    {t('pub.product.images', { count: p.imageUrls.length })}
                  </span>
                )}
              </td>
              <td className="num nowrap" data-testid="product-price-cell">
                {formatPrice(locale, p.price, p.currency)}
              </td>
              <td>
                <span className={`badge badge-${p.inStock ? 'ok' : 'muted'}`} data-testid="product-stock">
                  {t(p.inStock ? 'pub.product.inStockShort' : 'pub.product.outOfStock')}
                </span>
              </td>
              <td className="pub-tags-cell">{p.hashtags.map((h) => `#${h}`).join(' ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
