<?xml version="1.0"?>
<!-- hyperv-recommended: add the recommended Hyper-V enlightenments a
     <hyperv mode='custom'> block lacks.  Each name in $add that <hyperv>
     has no element for becomes <NAME state='on'/> (spinlocks with
     retries='8191'), placed where libvirt orders it: before the first
     existing feature that libvirt writes after it, else at the end.
     Parameters: add, the names, space-separated (from the rule's check,
     which leaves out features whose prerequisite is explicitly off);
     targets (the <hyperv>; unused: there is one). -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:param name="add"/>

  <!-- libvirt's order of the <hyperv> children -->
  <xsl:variable name="order"
                select="' relaxed vapic spinlocks vpindex runtime synic stimer reset vendor_id frequencies reenlightenment tlbflush ipi evmcs avic '"/>
  <xsl:variable name="wanted" select="concat(' ', normalize-space($add), ' ')"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template name="rank">
    <xsl:param name="name"/>
    <xsl:value-of select="string-length(substring-before($order, concat(' ', $name, ' ')))"/>
  </xsl:template>

  <xsl:template match="/domain/features/hyperv[not(@mode) or @mode = 'custom']">
    <xsl:variable name="hv" select="."/>
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:for-each select="node()">
        <xsl:if test="self::*">
          <xsl:variable name="hi">
            <xsl:call-template name="rank">
              <xsl:with-param name="name" select="local-name()"/>
            </xsl:call-template>
          </xsl:variable>
          <!-- the highest rank before this one: the intervals stay disjoint
               even when the children are not in libvirt's order -->
          <xsl:variable name="lo">
            <xsl:call-template name="max-rank">
              <xsl:with-param name="nodes" select="preceding-sibling::*"/>
            </xsl:call-template>
          </xsl:variable>
          <xsl:call-template name="emit">
            <xsl:with-param name="hv" select="$hv"/>
            <xsl:with-param name="lo" select="number($lo)"/>
            <xsl:with-param name="hi" select="number($hi)"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:apply-templates select="."/>
      </xsl:for-each>
      <xsl:variable name="last">
        <xsl:call-template name="max-rank">
          <xsl:with-param name="nodes" select="*"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:call-template name="emit">
        <xsl:with-param name="hv" select="$hv"/>
        <xsl:with-param name="lo" select="number($last)"/>
        <xsl:with-param name="hi" select="100000"/>
      </xsl:call-template>
    </xsl:copy>
  </xsl:template>

  <!-- the highest rank of NODES, -1 when there are none -->
  <xsl:template name="max-rank">
    <xsl:param name="nodes"/>
    <xsl:choose>
      <xsl:when test="$nodes">
        <xsl:for-each select="$nodes">
          <xsl:sort select="string-length(substring-before($order, concat(' ', local-name(), ' ')))"
                    data-type="number" order="descending"/>
          <xsl:if test="position() = 1">
            <xsl:value-of select="string-length(substring-before($order, concat(' ', local-name(), ' ')))"/>
          </xsl:if>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>-1</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- the wanted, missing features whose rank lies in (lo, hi), walking
       $order one name per call -->
  <xsl:template name="emit">
    <xsl:param name="hv"/>
    <xsl:param name="lo"/>
    <xsl:param name="hi"/>
    <xsl:param name="names" select="substring($order, 2)"/>
    <xsl:variable name="name" select="substring-before($names, ' ')"/>
    <xsl:if test="$name">
      <xsl:variable name="rank" select="string-length(substring-before($order, concat(' ', $name, ' ')))"/>
      <xsl:if test="contains($wanted, concat(' ', $name, ' ')) and not($hv/*[local-name() = $name])
                    and $rank &gt; $lo and $rank &lt; $hi">
        <xsl:element name="{$name}">
          <xsl:attribute name="state">on</xsl:attribute>
          <xsl:if test="$name = 'spinlocks'">
            <xsl:attribute name="retries">8191</xsl:attribute>
          </xsl:if>
        </xsl:element>
      </xsl:if>
      <xsl:call-template name="emit">
        <xsl:with-param name="hv" select="$hv"/>
        <xsl:with-param name="lo" select="$lo"/>
        <xsl:with-param name="hi" select="$hi"/>
        <xsl:with-param name="names" select="substring-after($names, ' ')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
